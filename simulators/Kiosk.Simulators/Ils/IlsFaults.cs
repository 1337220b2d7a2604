namespace Kiosk.Simulators.Ils;

/// <summary>
/// Faults to inject, switchable at runtime from any thread. Counted faults hit the next N requests; each may be limited
/// to one command code (such as "11" for Checkout), matched against the request being answered. Every decoded request
/// counts, resend requests (97) included; frames with a bad checksum do not, since they are answered with 96.
/// </summary>
public sealed class IlsFaults
{
    private readonly Lock _gate = new();
    private readonly Dictionary<IlsFault, (int Remaining, string? Command)> _counted = [];
    private TimeSpan _latency;
    private string? _latencyCommand;
    private bool _refuseLogins;
    private bool _oneSessionPerLogin;
    private int _unansweredLogins;
    private int _injected;
    private TaskCompletionSource? _hold;
    private string? _holdCommand;
    private int _held;

    /// <summary>Whether every login (93) is refused with ok=0, whatever its credentials.</summary>
    public bool RefuseLogins
    {
        get { lock (_gate) { return _refuseLogins; } }
        set { lock (_gate) { _refuseLogins = value; } }
    }

    /// <summary>
    /// Whether a login (93) whose user id already has a session on another open connection goes unanswered, the
    /// connection left open and silent: how an Evergreen SIPServer was observed to treat a second concurrent login with
    /// the same credentials. The first connection keeps working.
    /// </summary>
    public bool OneSessionPerLogin
    {
        get { lock (_gate) { return _oneSessionPerLogin; } }
        set { lock (_gate) { _oneSessionPerLogin = value; } }
    }

    /// <summary>How many logins <see cref="OneSessionPerLogin"/> left unanswered so far; tests wait on it.</summary>
    public int UnansweredLogins
    {
        get { lock (_gate) { return _unansweredLogins; } }
    }

    /// <summary>How many counted faults have been injected so far; tests wait on it.</summary>
    public int InjectedCount
    {
        get { lock (_gate) { return _injected; } }
    }

    /// <summary>Delays the answer to every request (or only to <paramref name="command"/>) by <paramref name="latency"/>, on the simulator's clock.</summary>
    public void SetLatency(TimeSpan latency, string? command = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        lock (_gate)
        {
            _latency = latency;
            _latencyCommand = command;
        }
    }

    /// <summary>
    /// Holds every request (or only <paramref name="command"/>) on arrival, before it is acted on, until
    /// <see cref="ReleaseHeld"/>. <see cref="HeldCount"/> says how many wait now: a test sees requests in flight at once,
    /// or looks at the kiosk's state while a request is at the ILS, without timing anything.
    /// </summary>
    public void HoldRequests(string? command = null)
    {
        if (command is not null && command.Length != 2)
        {
            throw new ArgumentException($"A SIP2 command code is two digits, such as \"11\" for Checkout; got '{command}'.", nameof(command));
        }

        lock (_gate)
        {
            _hold ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _holdCommand = command;
        }
    }

    /// <summary>Lets every held request go on, and holds no more.</summary>
    public void ReleaseHeld()
    {
        lock (_gate)
        {
            _hold?.TrySetResult();
            _hold = null;
            _holdCommand = null;
        }
    }

    /// <summary>How many requests <see cref="HoldRequests"/> holds now.</summary>
    public int HeldCount
    {
        get { lock (_gate) { return _held; } }
    }

    /// <summary>Closes the connection on each of the next <paramref name="requests"/> requests, before or after acting on them.</summary>
    public void DropConnection(int requests, IlsDropMode mode, string? command = null) =>
        Arm(mode == IlsDropMode.AfterApplying ? IlsFault.DropAfterApplying : IlsFault.DropBeforeApplying, requests, command);

    /// <summary>Sends the next <paramref name="responses"/> responses with a wrong checksum (only with error detection on).</summary>
    public void CorruptChecksums(int responses, string? command = null) => Arm(IlsFault.CorruptChecksum, responses, command);

    /// <summary>Sends only the first half of each of the next <paramref name="responses"/> responses, then closes the connection.</summary>
    public void HalfWrite(int responses, string? command = null) => Arm(IlsFault.HalfWrite, responses, command);

    /// <summary>Switches every fault off.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _counted.Clear();
            _latency = TimeSpan.Zero;
            _latencyCommand = null;
            _refuseLogins = false;
            _oneSessionPerLogin = false;
            _hold?.TrySetResult();
            _hold = null;
            _holdCommand = null;
        }
    }

    /// <summary>Waits while <see cref="HoldRequests"/> holds <paramref name="command"/>.</summary>
    internal async ValueTask WaitWhileHeldAsync(string command, CancellationToken cancellationToken)
    {
        Task release;
        lock (_gate)
        {
            if (_hold is null || (_holdCommand is not null && _holdCommand != command))
            {
                return;
            }

            release = _hold.Task;
            _held++;
        }

        try
        {
            await release.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _held--;
            }
        }
    }

    /// <summary>Counts a login left unanswered by <see cref="OneSessionPerLogin"/>.</summary>
    internal void CountUnansweredLogin()
    {
        lock (_gate)
        {
            _unansweredLogins++;
        }
    }

    internal TimeSpan LatencyFor(string command)
    {
        lock (_gate)
        {
            return _latencyCommand is null || _latencyCommand == command ? _latency : TimeSpan.Zero;
        }
    }

    /// <summary>Consumes one count of <paramref name="fault"/> when it is armed for <paramref name="command"/>.</summary>
    internal bool TryTake(IlsFault fault, string command)
    {
        lock (_gate)
        {
            if (!_counted.TryGetValue(fault, out var armed) || (armed.Command is not null && armed.Command != command))
            {
                return false;
            }

            if (armed.Remaining <= 1)
            {
                _counted.Remove(fault);
            }
            else
            {
                _counted[fault] = (armed.Remaining - 1, armed.Command);
            }

            _injected++;
            return true;
        }
    }

    private void Arm(IlsFault fault, int count, string? command)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (command is not null && command.Length != 2)
        {
            throw new ArgumentException($"A SIP2 command code is two digits, such as \"11\" for Checkout; got '{command}'.", nameof(command));
        }

        lock (_gate)
        {
            if (count == 0)
            {
                _counted.Remove(fault);
            }
            else
            {
                _counted[fault] = (count, command);
            }
        }
    }
}
