using System.Device.Gpio;
using Kiosk.Devices.Gates;
using Kiosk.Events.Commands;
using Microsoft.Extensions.Options;

namespace KioskController.Commands;

/// <summary>
/// The remote <c>gate-test</c>: pulses each of the gate's outputs (light, buzzer, relay) in turn, as
/// <c>kioskctl gate test</c> does on site, and reports the beams' state, so a technician far away can hear and see
/// that the wiring still works. Each output goes back to the level it had, so an alarm under way is not cut short.
/// </summary>
internal sealed class GateTestCommand(IServiceProvider services, TimeProvider time) : ICommandHandler
{
    /// <summary>How long each output is on: long enough to see and hear, short enough not to alarm a queue.</summary>
    private static readonly TimeSpan s_pulse = TimeSpan.FromMilliseconds(500);

    public string Name => CommandNames.GateTest;

    public async Task<CommandResult> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var options = services.GetService<IOptions<GateOptions>>()?.Value;
        var gpio = services.GetService<GpioController>();
        if (options is null || gpio is null || string.IsNullOrEmpty(options.PinMap))
        {
            return CommandResult.Failed("This device has no gate configured (Kiosk:Gate:PinMap).");
        }

        var map = GatePinMapLoader.Load(options.PinMap);
        var pulsed = new List<object>();
        foreach (var (key, pin) in map.Outputs())
        {
            var active = pin.ParsedPolarity == GatePinPolarity.ActiveHigh ? PinValue.High : PinValue.Low;
            var before = gpio.Read(pin.Number);
            gpio.Write(pin.Number, active);
            await Task.Delay(s_pulse, time, cancellationToken).ConfigureAwait(false);
            gpio.Write(pin.Number, before);
            pulsed.Add(new { output = key, pin = pin.Number, activeLevel = active == PinValue.High ? "high" : "low" });
        }

        var beams = new[] { ("outerBeam", map.OuterBeam), ("innerBeam", map.InnerBeam) }
            .Where(beam => beam.Item2 is not null)
            .Select(beam =>
            {
                var level = gpio.Read(beam.Item2!.Number);
                var blocked = (level == PinValue.High) == (beam.Item2.ParsedPolarity == GatePinPolarity.ActiveHigh);
                return new { beam = beam.Item1, pin = beam.Item2.Number, blocked };
            })
            .ToList();
        return CommandResult.Ok(new { pulsed, beams }, "Each output was switched on for 500 ms and back; see the beams' state.");
    }
}
