using System.Device.Gpio;
using System.Globalization;

namespace Kiosk.Simulators.Gates;

/// <summary>
/// A GPIO chip in memory, used as <c>new GpioController(new SimulatedGpioDriver())</c> where the kernel has no GPIO chip
/// (this machine, CI, a laptop). It keeps each line's mode and level, records every output change with its time,
/// and lets a test or the walk-through simulator drive inputs: <see cref="SetInput"/> fires the registered edge
/// callbacks and completes pending <see cref="GpioDriver.WaitForEvent"/> calls, as the kernel's line events do.
/// Thread-safe; callbacks run on the thread that changed the input.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _levels = [];
    private readonly List<(int Pin, PinEventTypes Types, PinChangeEventHandler Handler)> _callbacks = [];
    private readonly List<(int Pin, PinEventTypes Types, TaskCompletionSource<PinEventTypes> Waiter)> _waiters = [];
    private readonly List<GpioOutputChange> _changes = [];

    /// <summary>A chip with <paramref name="pinCount"/> lines, all inputs at low, none open.</summary>
    /// <param name="pinCount">How many lines the chip has (54 on a Raspberry Pi's first chip).</param>
    /// <param name="timeProvider">Stamps the recorded output changes; the system clock when null.</param>
    public SimulatedGpioDriver(int pinCount = 54, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pinCount, 1);
        SimulatedPinCount = pinCount;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Raised after an output line changed level (on the thread that wrote it).</summary>
    public event EventHandler<GpioOutputChange>? OutputChanged;

    /// <summary>How many lines the simulated chip has.</summary>
    public int SimulatedPinCount { get; }

    /// <summary>Every output change so far, oldest first.</summary>
    public IReadOnlyList<GpioOutputChange> OutputChanges
    {
        get { lock (_gate) { return [.. _changes]; } }
    }

    /// <summary>The lines that are open.</summary>
    public IReadOnlyCollection<int> OpenPins
    {
        get { lock (_gate) { return [.. _modes.Keys]; } }
    }

    /// <inheritdoc/>
    protected override int PinCount => SimulatedPinCount;

    /// <summary>The level of <paramref name="pin"/>, open or not.</summary>
    public PinValue LevelOf(int pin)
    {
        lock (_gate)
        {
            return _levels.GetValueOrDefault(pin, PinValue.Low);
        }
    }

    /// <summary>
    /// Drives an input line to <paramref name="level"/>, as the wire would. A change fires the callbacks registered for
    /// its edge and completes waiting <see cref="WaitForEvent"/> calls; the same level again does nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The line is open as an output.</exception>
    public void SetInput(int pin, PinValue level)
    {
        CheckPin(pin);
        PinChangeEventHandler[] handlers;
        TaskCompletionSource<PinEventTypes>[] waiters;
        PinEventTypes edge;
        lock (_gate)
        {
            if (_modes.TryGetValue(pin, out var mode) && mode == PinMode.Output)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"GPIO {pin} is an output; an input cannot be driven on it."));
            }

            if (_levels.GetValueOrDefault(pin, PinValue.Low) == level)
            {
                return;
            }

            _levels[pin] = level;
            edge = level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            handlers = _callbacks.Where(c => c.Pin == pin && (c.Types & edge) != 0).Select(c => c.Handler).ToArray();
            var matched = _waiters.Where(w => w.Pin == pin && (w.Types & edge) != 0).ToList();
            waiters = matched.Select(w => w.Waiter).ToArray();
            _waiters.RemoveAll(matched.Contains);
        }

        var args = new PinValueChangedEventArgs(edge, pin);
        foreach (var handler in handlers)
        {
            handler(this, args);
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetResult(edge);
        }
    }

    /// <summary>Waits until <paramref name="pin"/> is written to <paramref name="level"/> (at once when it already is).</summary>
    public async Task<PinValue> WaitForOutputAsync(int pin, PinValue level, CancellationToken cancellationToken)
    {
        var reached = new TaskCompletionSource<PinValue>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, GpioOutputChange change)
        {
            if (change.Pin == pin && change.Value == level)
            {
                reached.TrySetResult(level);
            }
        }

        OutputChanged += OnChanged;
        try
        {
            if (LevelOf(pin) == level)
            {
                return level;
            }

            return await reached.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            OutputChanged -= OnChanged;
        }
    }

    /// <summary>Whether an edge callback is registered on <paramref name="pin"/>: a test drives edges once someone listens.</summary>
    public bool HasCallback(int pin)
    {
        lock (_gate)
        {
            return _callbacks.Exists(c => c.Pin == pin);
        }
    }

    /// <summary>Forgets the recorded output changes.</summary>
    public void ClearOutputChanges()
    {
        lock (_gate)
        {
            _changes.Clear();
        }
    }

    /// <inheritdoc/>
    protected override void OpenPin(int pinNumber)
    {
        CheckPin(pinNumber);
        lock (_gate)
        {
            _modes.TryAdd(pinNumber, PinMode.Input);
        }
    }

    /// <inheritdoc/>
    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            _modes.Remove(pinNumber);
            _callbacks.RemoveAll(c => c.Pin == pinNumber);
        }
    }

    /// <inheritdoc/>
    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        CheckPin(pinNumber);
        lock (_gate)
        {
            _modes[pinNumber] = mode;

            // Pull resistors settle a floating input at their level, as the kernel's bias flags do.
            if (mode == PinMode.InputPullUp)
            {
                _levels[pinNumber] = PinValue.High;
            }
            else if (mode == PinMode.InputPullDown)
            {
                _levels[pinNumber] = PinValue.Low;
            }
        }
    }

    /// <inheritdoc/>
    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            return _modes.TryGetValue(pinNumber, out var mode)
                ? mode
                : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"GPIO {pinNumber} is not open."));
        }
    }

    /// <inheritdoc/>
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        pinNumber >= 0 && pinNumber < SimulatedPinCount && mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;

    /// <inheritdoc/>
    protected override PinValue Read(int pinNumber)
    {
        lock (_gate)
        {
            return _levels.GetValueOrDefault(pinNumber, PinValue.Low);
        }
    }

    /// <inheritdoc/>
    protected override void Toggle(int pinNumber) => Write(pinNumber, !Read(pinNumber));

    /// <inheritdoc/>
    protected override void Write(int pinNumber, PinValue value)
    {
        GpioOutputChange change;
        lock (_gate)
        {
            if (!_modes.TryGetValue(pinNumber, out var mode) || mode != PinMode.Output)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"GPIO {pinNumber} is not open as an output; open it with PinMode.Output first."));
            }

            if (_levels.GetValueOrDefault(pinNumber, PinValue.Low) == value && _changes.Exists(c => c.Pin == pinNumber))
            {
                return;
            }

            _levels[pinNumber] = value;
            change = new GpioOutputChange(pinNumber, value, _timeProvider.GetUtcNow(), _timeProvider.GetTimestamp());
            _changes.Add(change);
        }

        OutputChanged?.Invoke(this, change);
    }

    /// <inheritdoc/>
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<PinEventTypes>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((pinNumber, eventTypes, waiter));
        }

        try
        {
            var edge = waiter.Task.WaitAsync(cancellationToken).GetAwaiter().GetResult();
            return new WaitForEventResult { EventTypes = edge, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Waiter == waiter);
            }

            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
    }

    /// <inheritdoc/>
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            _callbacks.Add((pinNumber, eventTypes, callback));
        }
    }

    /// <inheritdoc/>
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            _callbacks.RemoveAll(c => c.Pin == pinNumber && c.Handler == callback);
        }
    }

    private void CheckPin(int pin)
    {
        if (pin < 0 || pin >= SimulatedPinCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pin), string.Create(CultureInfo.InvariantCulture, $"GPIO {pin} does not exist; the simulated chip has lines 0 to {SimulatedPinCount - 1}."));
        }
    }
}
