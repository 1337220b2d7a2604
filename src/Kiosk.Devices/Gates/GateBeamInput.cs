using System.Device.Gpio;

namespace Kiosk.Devices.Gates;

/// <summary>
/// One infrared beam: takes raw edges from the GPIO callback, accepts a level only once it has held for the debounce
/// time, and reports a beam that stays blocked past the stuck timeout, and its recovery. Timers run on the injected
/// <see cref="TimeProvider"/>; the callbacks are made outside the lock. Thread-safe.
/// </summary>
internal sealed class GateBeamInput : IDisposable
{
    private readonly GatePinPolarity _polarity;
    private readonly TimeSpan _debounce;
    private readonly TimeSpan _stuckAfter;
    private readonly TimeProvider _timeProvider;
    private readonly Action<GateBeam, bool, DateTimeOffset> _changed;
    private readonly Action<GateBeam, bool, DateTimeOffset> _stuckChanged;
    private readonly ITimer _debounceTimer;
    private readonly ITimer _stuckTimer;
    private readonly Lock _gate = new();
    private bool _raw;
    private DateTimeOffset _rawAt;
    private bool _stable;
    private bool _stuck;
    private bool _disposed;

    /// <param name="beam">Which beam.</param>
    /// <param name="pin">Its GPIO line.</param>
    /// <param name="polarity">Which level means blocked.</param>
    /// <param name="debounce">How long a level must hold.</param>
    /// <param name="stuckAfter">How long blocked is too long.</param>
    /// <param name="timeProvider">The clock of the timers.</param>
    /// <param name="changed">Called with (beam, blocked, when) for each debounced change.</param>
    /// <param name="stuckChanged">Called with (beam, stuck, when) when it gets stuck and when it recovers.</param>
    public GateBeamInput(
        GateBeam beam,
        int pin,
        GatePinPolarity polarity,
        TimeSpan debounce,
        TimeSpan stuckAfter,
        TimeProvider timeProvider,
        Action<GateBeam, bool, DateTimeOffset> changed,
        Action<GateBeam, bool, DateTimeOffset> stuckChanged)
    {
        Beam = beam;
        Pin = pin;
        _polarity = polarity;
        _debounce = debounce;
        _stuckAfter = stuckAfter;
        _timeProvider = timeProvider;
        _changed = changed;
        _stuckChanged = stuckChanged;
        _debounceTimer = timeProvider.CreateTimer(_ => Settle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _stuckTimer = timeProvider.CreateTimer(_ => StuckTimeout(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public GateBeam Beam { get; }

    public int Pin { get; }

    public bool IsBlocked
    {
        get { lock (_gate) { return _stable; } }
    }

    public bool IsStuck
    {
        get { lock (_gate) { return _stuck; } }
    }

    /// <summary>Takes the level read at start as settled (a beam blocked at start is timed for being stuck from now).</summary>
    public void Initialize(PinValue level)
    {
        lock (_gate)
        {
            _raw = _stable = IsBlockedLevel(level);
            _rawAt = _timeProvider.GetUtcNow();
            if (_stable)
            {
                _stuckTimer.Change(_stuckAfter, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>A raw edge from the GPIO callback.</summary>
    public void Edge(PinEventTypes change)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _raw = IsBlockedLevel(change == PinEventTypes.Rising ? PinValue.High : PinValue.Low);
            _rawAt = _timeProvider.GetUtcNow();
            _debounceTimer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _debounceTimer.Dispose();
            _stuckTimer.Dispose();
        }
    }

    private bool IsBlockedLevel(PinValue level) => (level == PinValue.High) == (_polarity == GatePinPolarity.ActiveHigh);

    private void Settle()
    {
        bool blocked;
        DateTimeOffset at;
        var recovered = false;
        lock (_gate)
        {
            if (_disposed || _raw == _stable)
            {
                return;
            }

            _stable = blocked = _raw;
            at = _rawAt;
            if (blocked)
            {
                _stuckTimer.Change(_stuckAfter, Timeout.InfiniteTimeSpan);
            }
            else
            {
                _stuckTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                recovered = _stuck;
                _stuck = false;
            }
        }

        _changed(Beam, blocked, at);
        if (recovered)
        {
            _stuckChanged(Beam, false, at);
        }
    }

    private void StuckTimeout()
    {
        lock (_gate)
        {
            if (_disposed || !_stable || _stuck)
            {
                return;
            }

            _stuck = true;
        }

        _stuckChanged(Beam, true, _timeProvider.GetUtcNow());
    }
}
