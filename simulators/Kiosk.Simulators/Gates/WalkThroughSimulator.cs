using System.Device.Gpio;
using Kiosk.Devices.Gates;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Simulators.Gates;

/// <summary>
/// People walking through a simulated gate: from the <see cref="GateGeometry"/> and each <see cref="Walker"/>'s speed it
/// works out when each beam is blocked and cleared and when the walker's tags are in the antenna field; then it plays
/// that out on the <see cref="SimulatedGpioDriver"/> (beam levels, with the pin map's polarity) and on the reader
/// simulator's <see cref="RfidField"/>. Two bodies in one beam keep it blocked until both have left.
/// </summary>
public sealed class WalkThroughSimulator
{
    private readonly SimulatedGpioDriver _gpio;
    private readonly GatePinMap _pinMap;
    private readonly RfidField _field;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private readonly int[] _bodiesInBeam = new int[2];

    /// <summary>A walk-through simulator for the gate wired as <paramref name="pinMap"/> says.</summary>
    /// <param name="gpio">The simulated chip the gate controller's <see cref="GpioController"/> uses.</param>
    /// <param name="pinMap">The gate's pin map: which lines the beams are and which level means blocked.</param>
    /// <param name="field">The field of the gate reader's simulator.</param>
    /// <param name="timeProvider">Paces <see cref="PlayAsync"/>; the system clock when null.</param>
    public WalkThroughSimulator(SimulatedGpioDriver gpio, GatePinMap pinMap, RfidField field, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(pinMap);
        ArgumentNullException.ThrowIfNull(field);
        _gpio = gpio;
        _pinMap = pinMap;
        _field = field;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Sets both beams clear, as an empty gate reads. Call once after the gate has opened its pins.</summary>
    public void ClearBeams()
    {
        lock (_gate)
        {
            _bodiesInBeam[0] = _bodiesInBeam[1] = 0;
            _gpio.SetInput(PinOf(GateBeam.Outer).Number, Level(PinOf(GateBeam.Outer), blocked: false));
            _gpio.SetInput(PinOf(GateBeam.Inner).Number, Level(PinOf(GateBeam.Inner), blocked: false));
        }
    }

    /// <summary>Every step of <paramref name="walkers"/> walking through a gate of <paramref name="geometry"/>, in time order.</summary>
    public static IReadOnlyList<WalkStep> Plan(IEnumerable<Walker> walkers, GateGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(walkers);
        ArgumentNullException.ThrowIfNull(geometry);
        var steps = new List<WalkStep>();
        foreach (var walker in walkers)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(walker.Speed);
            var halfBody = geometry.BodyDepth / 2;
            var halfSpacing = geometry.BeamSpacing / 2;
            var halfField = geometry.FieldDepth / 2;
            var start = Math.Min(-halfField, -halfSpacing - halfBody) - geometry.Approach;
            var turn = walker.TurnBackAt ?? double.PositiveInfinity;
            var (first, second) = walker.Direction == GateDirection.Out ? (GateBeam.Inner, GateBeam.Outer) : (GateBeam.Outer, GateBeam.Inner);
            foreach (var (from, to) in Stretches(-halfSpacing - halfBody, -halfSpacing + halfBody, start, turn, walker))
            {
                steps.Add(new WalkStep(from, WalkStepKind.BeamBlocked, walker, first));
                steps.Add(new WalkStep(to, WalkStepKind.BeamCleared, walker, first));
            }

            foreach (var (from, to) in Stretches(halfSpacing - halfBody, halfSpacing + halfBody, start, turn, walker))
            {
                steps.Add(new WalkStep(from, WalkStepKind.BeamBlocked, walker, second));
                steps.Add(new WalkStep(to, WalkStepKind.BeamCleared, walker, second));
            }

            if (walker.Tags.Count > 0)
            {
                foreach (var (from, to) in Stretches(-halfField, halfField, start, turn, walker))
                {
                    steps.Add(new WalkStep(from, WalkStepKind.TagsEnterField, walker));
                    steps.Add(new WalkStep(to, WalkStepKind.TagsLeaveField, walker));
                }
            }
        }

        // At equal times a clear goes before a block, so two bodies touching in a beam leave a gap of zero, not an overlap.
        return [.. steps.OrderBy(step => step.At).ThenBy(step => step.Kind is WalkStepKind.BeamBlocked or WalkStepKind.TagsEnterField ? 1 : 0)];
    }

    /// <summary>Carries out one step now: a beam's level on the GPIO chip, or the walker's tags in or out of the field.</summary>
    public void Apply(WalkStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        switch (step.Kind)
        {
            case WalkStepKind.BeamBlocked or WalkStepKind.BeamCleared:
                var beam = step.Beam ?? throw new ArgumentException("A beam step names its beam.", nameof(step));
                var pin = PinOf(beam);
                lock (_gate)
                {
                    var bodies = _bodiesInBeam[(int)beam] = Math.Max(0, _bodiesInBeam[(int)beam] + (step.Kind == WalkStepKind.BeamBlocked ? 1 : -1));
                    _gpio.SetInput(pin.Number, Level(pin, blocked: bodies > 0));
                }

                break;
            case WalkStepKind.TagsEnterField:
                _field.PlaceAll(step.Walker.Tags, step.Walker.Antenna);
                break;
            case WalkStepKind.TagsLeaveField:
                foreach (var tag in step.Walker.Tags)
                {
                    _field.Remove(tag.Uid);
                }

                break;
        }
    }

    /// <summary>
    /// Plays <paramref name="steps"/> on the simulator's clock from now, and returns when each was applied (as
    /// <see cref="TimeProvider.GetTimestamp"/> values, for latency measurements).
    /// </summary>
    public async Task<IReadOnlyList<(WalkStep Step, long Timestamp)>> PlayAsync(IReadOnlyList<WalkStep> steps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var played = new List<(WalkStep, long)>(steps.Count);
        var start = _timeProvider.GetTimestamp();
        foreach (var step in steps)
        {
            var wait = step.At - _timeProvider.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            Apply(step);
            played.Add((step, _timeProvider.GetTimestamp()));
        }

        return played;
    }

    /// <summary>
    /// The stretches of time the middle of the walker's body spends between <paramref name="low"/> and
    /// <paramref name="high"/>: once on the way in, and again on the way back for one who turns.
    /// </summary>
    private static IEnumerable<(TimeSpan From, TimeSpan To)> Stretches(double low, double high, double start, double turn, Walker walker)
    {
        if (turn < low)
        {
            yield break;
        }

        TimeSpan At(double distance) => walker.StartAfter + TimeSpan.FromSeconds(distance / walker.Speed);
        var enter = low - start;
        if (turn >= high)
        {
            yield return (At(enter), At(high - start));
            if (!double.IsPositiveInfinity(turn))
            {
                var turnDistance = 2 * (turn - start);
                yield return (At(turnDistance - (high - start)), At(turnDistance - enter));
            }
        }
        else
        {
            // Turned inside the stretch: in it until back out the way they came.
            yield return (At(enter), At((2 * (turn - start)) - enter));
        }
    }

    private static PinValue Level(GatePin pin, bool blocked) =>
        blocked == (pin.ParsedPolarity == GatePinPolarity.ActiveHigh) ? PinValue.High : PinValue.Low;

    private GatePin PinOf(GateBeam beam) =>
        (beam == GateBeam.Outer ? _pinMap.OuterBeam : _pinMap.InnerBeam)
        ?? throw new InvalidOperationException($"The pin map has no {beam.ToString().ToLowerInvariant()} beam.");
}
