namespace Kiosk.Simulators.Rfid;

/// <summary>
/// The part of a FEIG ID CPR reader's configuration the simulator models: block CFG4, "Transponder Parameters"
/// (ID CPR manual §4.5, p.45–46), which decides whether the inventory filters by AFI and whether it uses 16 time
/// slots or 1. The host reads and writes it with [0x80] Read and [0x81] Write Configuration (§5.1–5.2, p.59–60);
/// tests and the control panel set it through the properties. Thread-safe.
/// </summary>
public sealed class FeigReaderConfiguration
{
    /// <summary>Bytes in a configuration block (CFG-REC, §5.1, p.59).</summary>
    public const int BlockLength = 14;

    /// <summary>CFGn of the transponder parameters block.</summary>
    public const int TransponderParametersBlock = 4;

    private const int ModeByte = 4;
    private const int AfiByte = 5;
    private const byte AfiEnabledBit = 0x20;
    private const byte SingleTimeslotBit = 0x10;

    // Factory defaults of CFG4 (§4.5, p.45): ISO15693-MODE 0x09 is 1-out-of-4 coding, 100 % modulation, one subcarrier,
    // high data rate, 16 slots and no AFI; ISO15693 BLOCKSIZE 4.
    private static readonly byte[] Defaults = [0x00, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04];

    private readonly Lock _gate = new();
    private readonly byte[] _transponderParameters = (byte[])Defaults.Clone();

    /// <summary>
    /// The AFI the inventory selects (CFG4 ISO15693-MODE bit AFI and byte ISO15693-AFI), or null for every tag. Tags
    /// answer by the ISO/IEC 15693-3 rule: a zero family or sub-family nibble in the request matches any.
    /// </summary>
    public byte? InventoryAfi
    {
        get
        {
            lock (_gate)
            {
                return (_transponderParameters[ModeByte] & AfiEnabledBit) != 0 ? _transponderParameters[AfiByte] : null;
            }
        }

        set
        {
            lock (_gate)
            {
                _transponderParameters[ModeByte] = value is null
                    ? (byte)(_transponderParameters[ModeByte] & ~AfiEnabledBit)
                    : (byte)(_transponderParameters[ModeByte] | AfiEnabledBit);
                _transponderParameters[AfiByte] = value ?? 0;
            }
        }
    }

    /// <summary>
    /// NO-TS: inventory in 1 time slot instead of 16. "Anticollision is only possible if NO-TS=16" (§4.5, p.45): with two
    /// tags or more, a 1-slot inventory fails with status 0x83.
    /// </summary>
    public bool SingleTimeslot
    {
        get { lock (_gate) { return (_transponderParameters[ModeByte] & SingleTimeslotBit) != 0; } }
        set
        {
            lock (_gate)
            {
                _transponderParameters[ModeByte] = value
                    ? (byte)(_transponderParameters[ModeByte] | SingleTimeslotBit)
                    : (byte)(_transponderParameters[ModeByte] & ~SingleTimeslotBit);
            }
        }
    }

    /// <summary>Back to the factory settings ([0x83] Set Default Configuration, §5.4, p.62).</summary>
    public void RestoreDefaults()
    {
        lock (_gate)
        {
            Defaults.CopyTo(_transponderParameters, 0);
        }
    }

    internal static bool IsModelled(int block) => block == TransponderParametersBlock;

    internal byte[] ReadBlock()
    {
        lock (_gate)
        {
            return (byte[])_transponderParameters.Clone();
        }
    }

    internal void WriteBlock(ReadOnlySpan<byte> block)
    {
        lock (_gate)
        {
            block[..BlockLength].CopyTo(_transponderParameters);
        }
    }
}
