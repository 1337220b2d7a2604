using System.Device.Gpio;

namespace Kiosk.Devices.Gates;

/// <summary>
/// The alarm outputs: <see cref="Trigger"/> switches the light, buzzer and relay on at once and (re)starts the alarm
/// time; a timer on the injected <see cref="TimeProvider"/> switches them off when it runs out. Nothing here waits, so
/// a detection never delays the next poll. Thread-safe.
/// </summary>
internal sealed class GateAlarm : IDisposable
{
    private readonly GpioController _gpio;
    private readonly IReadOnlyList<GateOutput> _outputs;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private DateTimeOffset _offAt;
    private bool _on;
    private bool _disposed;

    public GateAlarm(GpioController gpio, IReadOnlyList<GateOutput> outputs, TimeSpan duration, TimeProvider timeProvider)
    {
        _gpio = gpio;
        _outputs = outputs;
        _duration = duration;
        _timeProvider = timeProvider;
        _timer = timeProvider.CreateTimer(_ => Expire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool IsOn
    {
        get { lock (_gate) { return _on; } }
    }

    /// <summary>Switches the alarm on now, or keeps it on for another full alarm time.</summary>
    public void Trigger()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _offAt = _timeProvider.GetUtcNow() + _duration;
            if (!_on)
            {
                _on = true;
                Write(on: true);
            }

            _timer.Change(_duration, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer.Dispose();
            if (_on)
            {
                _on = false;
                Write(on: false);
            }
        }
    }

    private void Expire()
    {
        lock (_gate)
        {
            if (_disposed || !_on)
            {
                return;
            }

            // A trigger that raced the timer moved the deadline on; wait for the rest of it.
            var left = _offAt - _timeProvider.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                _timer.Change(left, Timeout.InfiniteTimeSpan);
                return;
            }

            _on = false;
            Write(on: false);
        }
    }

    private void Write(bool on)
    {
        foreach (var output in _outputs)
        {
            _gpio.Write(output.Pin, output.Level(on));
        }
    }
}
