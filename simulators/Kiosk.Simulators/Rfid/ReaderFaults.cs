namespace Kiosk.Simulators.Rfid;

/// <summary>
/// Faults a reader simulator injects, switchable at runtime from any thread. Counted faults hit the next N commands
/// they apply to. The port vanishing is the host's: <see cref="PseudoTerminalReaderSimulator.UnplugAsync"/> and <see cref="PseudoTerminalReaderSimulator.VanishAsync"/>.
/// </summary>
public sealed class ReaderFaults
{
    private static readonly byte[] DefaultGarbage = [0x00, 0xFF, 0x55, 0xAA, 0x13, 0x11, 0xFE];

    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<ReaderFault, int> _counted = [];
    private int _blocksBeforeLeaving;
    private byte[] _garbage = DefaultGarbage;
    private DateTimeOffset _deafUntil = DateTimeOffset.MinValue;
    private int _injected;

    internal ReaderFaults(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>How many faults have been injected so far (a reset counts once); tests wait on it.</summary>
    public int InjectedCount
    {
        get { lock (_gate) { return _injected; } }
    }

    /// <summary>Whether the reader is resetting now and answers nothing.</summary>
    public bool IsResetting
    {
        get { lock (_gate) { return _timeProvider.GetUtcNow() < _deafUntil; } }
    }

    /// <summary>
    /// The next block write stops after <paramref name="blocksWritten"/> blocks (an AFI or EAS write fails outright):
    /// the tag has left the antenna, and is gone from the field afterwards.
    /// </summary>
    public void TagLeavesMidWrite(int blocksWritten = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blocksWritten);
        lock (_gate)
        {
            _blocksBeforeLeaving = blocksWritten;
            _counted[ReaderFault.TagLeavesMidWrite] = 1;
        }
    }

    /// <summary>The next <paramref name="reads"/> memory reads get no answer from the tag (the reader says no transponder); the tag stays.</summary>
    public void FailReads(int reads = 1) => Arm(ReaderFault.ReadError, reads);

    /// <summary>The next <paramref name="writes"/> writes (blocks, AFI, EAS) fail verification; nothing is written and the tag stays.</summary>
    public void FailWrites(int writes = 1) => Arm(ReaderFault.WriteError, writes);

    /// <summary>The radio exchange of the next <paramref name="commands"/> transponder commands is corrupted.</summary>
    public void CorruptRadio(int commands = 1) => Arm(ReaderFault.RfCommunicationError, commands);

    /// <summary>Puts <paramref name="bytes"/> (default: a few bytes of noise) on the line ahead of each of the next <paramref name="replies"/> replies.</summary>
    public void SendGarbageBeforeReplies(int replies = 1, ReadOnlyMemory<byte>? bytes = null)
    {
        lock (_gate)
        {
            _garbage = bytes is { IsEmpty: false } noise ? noise.ToArray() : DefaultGarbage;
        }

        Arm(ReaderFault.GarbageBeforeReply, replies);
    }

    /// <summary>
    /// The reader resets: for <paramref name="downtime"/> on the simulator's clock it drops every request unanswered,
    /// as a reader rebooting does; then it answers again.
    /// </summary>
    public void ResetReader(TimeSpan downtime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(downtime, TimeSpan.Zero);
        lock (_gate)
        {
            _deafUntil = _timeProvider.GetUtcNow() + downtime;
            _injected++;
        }
    }

    /// <summary>Switches every fault off, a reset in progress included.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _counted.Clear();
            _deafUntil = DateTimeOffset.MinValue;
        }
    }

    internal bool TryTake(ReaderFault fault)
    {
        lock (_gate)
        {
            if (!_counted.TryGetValue(fault, out var remaining) || remaining <= 0)
            {
                return false;
            }

            if (remaining == 1)
            {
                _counted.Remove(fault);
            }
            else
            {
                _counted[fault] = remaining - 1;
            }

            _injected++;
            return true;
        }
    }

    internal bool TryTakeTagLeaving(out int blocksWritten)
    {
        lock (_gate)
        {
            blocksWritten = _blocksBeforeLeaving;
            return TryTake(ReaderFault.TagLeavesMidWrite);
        }
    }

    internal byte[] Garbage
    {
        get { lock (_gate) { return _garbage; } }
    }

    private void Arm(ReaderFault fault, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            if (count == 0)
            {
                _counted.Remove(fault);
            }
            else
            {
                _counted[fault] = count;
            }
        }
    }
}
