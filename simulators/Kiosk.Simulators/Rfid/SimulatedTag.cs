using System.Globalization;
using Kiosk.Protocols.Readers;

namespace Kiosk.Simulators.Rfid;

/// <summary>
/// One ISO 15693 transponder as the simulated readers see it: UID, DSFID, AFI (and whether it is locked), the NXP
/// ICODE SLIX EAS bit, and user memory in blocks with a lock bit per block (ISO/IEC 15693-3 memory organisation, as
/// FEIG's ID CPR manual §7.1.3–7.2.8 exposes it). Thread-safe: the setup members here act like a tag programmer and
/// ignore locks; the readers go through the lock-honouring internal operations.
/// </summary>
public sealed class SimulatedTag
{
    /// <summary>Blocks of an NXP ICODE SLIX: 28 blocks of 4 bytes, 896 bits of user memory (NXP SL2S2002 data sheet).</summary>
    public const int IcodeSlixBlockCount = 28;

    /// <summary>The IC manufacturer code of NXP (ISO/IEC 7816-6): only NXP tags know the EAS custom commands.</summary>
    public const byte NxpManufacturerCode = 0x04;

    private readonly Lock _gate = new();
    private long _blockReads;
    private readonly byte[] _memory;
    private readonly bool[] _lockedBlocks;
    private byte _dsfid;
    private byte _afi;
    private bool _afiLocked;
    private bool _easSet;

    /// <summary>A blank tag: all memory 0x00, nothing locked.</summary>
    /// <param name="uid">The UID; its most significant byte should be 0xE0 (ISO 15693).</param>
    /// <param name="blockSize">Bytes per block, 1–32 (4 for ICODE SLIX; 8 for some TI and Fujitsu chips).</param>
    /// <param name="blockCount">Blocks of user memory, 1–256.</param>
    /// <param name="icReference">IC-REF reported by Get System Information.</param>
    /// <exception cref="ArgumentOutOfRangeException">The block size or count is outside what ISO 15693 can address.</exception>
    public SimulatedTag(TransponderUid uid, int blockSize = 4, int blockCount = IcodeSlixBlockCount, byte icReference = 0x01)
    {
        // ISO 15693-3 system information codes block size in 5 bits and block count in 8 bits, both as value − 1.
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blockSize, 32);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blockCount, 256);
        Uid = uid;
        BlockSize = blockSize;
        BlockCount = blockCount;
        IcReference = icReference;
        _memory = new byte[blockSize * blockCount];
        _lockedBlocks = new bool[blockCount];
    }

    /// <summary>The tag's UID.</summary>
    public TransponderUid Uid { get; }

    /// <summary>Bytes per block.</summary>
    public int BlockSize { get; }

    /// <summary>Blocks of user memory.</summary>
    public int BlockCount { get; }

    /// <summary>The IC reference (version) the tag reports.</summary>
    public byte IcReference { get; }

    /// <summary>Whether the chip is NXP's (UID byte 6 is 0x04), so it understands the ICODE SLIX EAS commands.</summary>
    public bool SupportsEas => Uid.ManufacturerCode == NxpManufacturerCode;

    /// <summary>The Data Storage Format Identifier (0x06 is common for ISO 28560-2).</summary>
    public byte Dsfid
    {
        get { lock (_gate) { return _dsfid; } }
        set { lock (_gate) { _dsfid = value; } }
    }

    /// <summary>The Application Family Identifier: the item's security in most libraries.</summary>
    public byte Afi
    {
        get { lock (_gate) { return _afi; } }
    }

    /// <summary>Whether the AFI is permanently locked ([0xB0][0x28] Lock AFI).</summary>
    public bool IsAfiLocked
    {
        get { lock (_gate) { return _afiLocked; } }
    }

    /// <summary>The NXP EAS bit: when set, the tag answers an EAS Alarm and the gate alarms.</summary>
    public bool IsEasSet
    {
        get { lock (_gate) { return _easSet; } }
        set { lock (_gate) { _easSet = value; } }
    }

    /// <summary>Sets the AFI as a tag programmer would, even when it is locked.</summary>
    public void SetAfi(byte afi)
    {
        lock (_gate)
        {
            _afi = afi;
        }
    }

    /// <summary>Locks the AFI for good, as [0x28] Lock AFI does.</summary>
    public void LockAfi()
    {
        lock (_gate)
        {
            _afiLocked = true;
        }
    }

    /// <summary>How many block reads a reader has made over the air (each Read Multiple Blocks or 3M read answered), for tests that count radio traffic.</summary>
    public long BlockReads => Interlocked.Read(ref _blockReads);

    /// <summary>A copy of the whole user memory, block 0 first, in the tag's order.</summary>
    public byte[] ReadMemory()
    {
        lock (_gate)
        {
            return (byte[])_memory.Clone();
        }
    }

    /// <summary>Writes <paramref name="data"/> from <paramref name="firstBlock"/> on as a tag programmer would, ignoring locks.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The data runs past the last block.</exception>
    public void WriteMemory(int firstBlock, ReadOnlySpan<byte> data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstBlock);
        var offset = firstBlock * BlockSize;
        if (offset + data.Length > _memory.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(data),
                string.Create(CultureInfo.InvariantCulture, $"{data.Length} byte(s) from block {firstBlock} run past the tag's {BlockCount} blocks of {BlockSize} bytes."));
        }

        lock (_gate)
        {
            data.CopyTo(_memory.AsSpan(offset));
        }
    }

    /// <summary>Locks one block for good (ISO 15693 Lock Block).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The tag has no such block.</exception>
    public void LockBlock(int block)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(block);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(block, BlockCount);
        lock (_gate)
        {
            _lockedBlocks[block] = true;
        }
    }

    /// <summary>Whether <paramref name="block"/> is locked.</summary>
    public bool IsBlockLocked(int block)
    {
        lock (_gate)
        {
            return block >= 0 && block < BlockCount && _lockedBlocks[block];
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Uid} AFI 0x{Afi:X2} DSFID 0x{Dsfid:X2}{(IsEasSet ? " EAS" : string.Empty)}, {BlockCount}×{BlockSize} bytes");

    /// <summary>Reads blocks for a reader; fails when any of them does not exist.</summary>
    internal bool TryReadBlocks(int firstBlock, int count, out byte[] data, out bool[] locked)
    {
        data = [];
        locked = [];
        if (firstBlock < 0 || count < 1 || firstBlock + count > BlockCount)
        {
            return false;
        }

        Interlocked.Increment(ref _blockReads);
        lock (_gate)
        {
            data = _memory.AsSpan(firstBlock * BlockSize, count * BlockSize).ToArray();
            locked = _lockedBlocks.AsSpan(firstBlock, count).ToArray();
        }

        return true;
    }

    /// <summary>
    /// Writes whole blocks one at a time, as readers do with Write Single Block (ID CPR manual §7.1.4 notes), stopping at
    /// the first locked block or after <paramref name="blockLimit"/> blocks. Returns how many blocks were written.
    /// </summary>
    internal int WriteBlocks(int firstBlock, ReadOnlySpan<byte> data, int blockLimit, out bool stoppedAtLockedBlock)
    {
        var count = data.Length / BlockSize;
        stoppedAtLockedBlock = false;
        lock (_gate)
        {
            for (var index = 0; index < count; index++)
            {
                if (index >= blockLimit)
                {
                    return index;
                }

                if (_lockedBlocks[firstBlock + index])
                {
                    stoppedAtLockedBlock = true;
                    return index;
                }

                data.Slice(index * BlockSize, BlockSize).CopyTo(_memory.AsSpan((firstBlock + index) * BlockSize));
            }
        }

        return count;
    }

    /// <summary>Writes the AFI for a reader unless it is locked.</summary>
    internal bool TryWriteAfi(byte afi)
    {
        lock (_gate)
        {
            if (_afiLocked)
            {
                return false;
            }

            _afi = afi;
            return true;
        }
    }

    /// <summary>Locks the AFI for a reader; false when it was locked already (ISO 15693 error 0x11).</summary>
    internal bool TryLockAfi()
    {
        lock (_gate)
        {
            if (_afiLocked)
            {
                return false;
            }

            _afiLocked = true;
            return true;
        }
    }
}
