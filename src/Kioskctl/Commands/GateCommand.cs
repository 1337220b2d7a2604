using System.CommandLine;
using System.Device.Gpio;
using System.Globalization;
using Kiosk.Devices.Gates;

namespace Kioskctl.Commands;

/// <summary>
/// <c>kioskctl gate test --pin-map FILE [--light] [--buzzer] [--relay] [--watch-beams]</c>: checks a gate's wiring on
/// site. Each chosen output is switched on for the pulse time and off again, in turn, so the technician sees and hears
/// which is which; the beams are shown as they are, then live, each change with its time.
/// </summary>
internal static class GateCommand
{
    /// <summary>Exit status when the pin map cannot be used.</summary>
    public const int BadPinMap = 2;

    /// <summary>Exit status when there is no GPIO chip to open.</summary>
    public const int NoGpio = 3;

    private static readonly AsyncLocal<Func<GatePinMap, GpioController>?> ControllerFactoryOverride = new();

    /// <summary>
    /// Makes the GPIO controller for a pin map: the board's own driver unless a test set another for its async flow
    /// (the simulated GpioDriver, since CI machines have no GPIO chip).
    /// </summary>
    internal static Func<GatePinMap, GpioController>? ControllerFactory
    {
        get => ControllerFactoryOverride.Value;
        set => ControllerFactoryOverride.Value = value;
    }

    public static Command Create()
    {
        var gate = new Command("gate", "Check an exit gate's GPIO wiring");
        gate.Subcommands.Add(CreateTest());
        return gate;
    }

    private static Command CreateTest()
    {
        var pinMap = new Option<string>("--pin-map") { Description = "The gate's pin map (firmware-config/gates/*.json)", Required = true };
        var light = new Option<bool>("--light") { Description = "Pulse the alarm light" };
        var buzzer = new Option<bool>("--buzzer") { Description = "Pulse the buzzer" };
        var relay = new Option<bool>("--relay") { Description = "Pulse the relay, when the pin map has one" };
        var watch = new Option<bool>("--watch-beams") { Description = "Show the beams live until Ctrl+C (or --changes)" };
        var pulse = new Option<int>("--pulse-ms") { Description = "How long each output stays on", DefaultValueFactory = _ => 1000 };
        var changes = new Option<int?>("--changes") { Description = "Stop watching after this many beam changes (a walk-through is 4)" };
        var command = new Command("test", "Pulse the gate's outputs and show its beams; with no choice, pulses every output and shows the beams once")
        {
            pinMap, light, buzzer, relay, watch, pulse, changes,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            GatePinMap map;
            try
            {
                map = GatePinMapLoader.Load(result.GetValue(pinMap)!);
            }
            catch (GatePinMapException ex)
            {
                await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return BadPinMap;
            }

            var pulseTime = TimeSpan.FromMilliseconds(Math.Clamp(result.GetValue(pulse), 10, 60_000));
            var chosen = new List<string>();
            if (result.GetValue(light))
            {
                chosen.Add("light");
            }

            if (result.GetValue(buzzer))
            {
                chosen.Add("buzzer");
            }

            if (result.GetValue(relay))
            {
                if (map.Relay is null)
                {
                    await error.WriteLineAsync($"Gate '{map.Name}' has no relay in its pin map; add \"relay\": {{ \"pin\": N, \"polarity\": \"ActiveLow\" }} or leave out --relay.").ConfigureAwait(false);
                    return BadPinMap;
                }

                chosen.Add("relay");
            }

            var watchBeams = result.GetValue(watch);
            if (chosen.Count == 0 && !watchBeams)
            {
                chosen.AddRange(map.Outputs().Select(o => o.Key));
            }

            GpioController gpio;
            try
            {
                gpio = (ControllerFactory ?? GateGpio.CreateController)(map);
            }
            catch (Exception ex) when (ex is PlatformNotSupportedException or IOException or UnauthorizedAccessException or InvalidOperationException or DllNotFoundException)
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"No GPIO chip could be opened ({ex.Message}); run this on the gate's controller, check that /dev/gpiochip{map.Chip} exists and that you are in the gpio group.")).ConfigureAwait(false);
                return NoGpio;
            }

            using (gpio)
            {
                try
                {
                    await PulseAsync(gpio, map, chosen, pulseTime, output, cancellationToken).ConfigureAwait(false);
                    await ShowBeamsAsync(gpio, map, watchBeams, result.GetValue(changes), output, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Ctrl+C ends the test; the outputs are switched off below.
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Some boards only fail when a line is requested (sysfs fallback, a line held by another program).
                    await error.WriteLineAsync($"A GPIO line of gate '{map.Name}' could not be opened ({ex.Message}); check that no other program holds it (gpioinfo) and that you are in the gpio group.").ConfigureAwait(false);
                    return NoGpio;
                }
                finally
                {
                    foreach (var (_, pin) in map.Outputs().Where(o => gpio.IsPinOpen(o.Pin.Number)))
                    {
                        gpio.Write(pin.Number, Level(pin, on: false));
                    }
                }
            }

            return 0;
        });
        return command;
    }

    private static async Task PulseAsync(GpioController gpio, GatePinMap map, List<string> chosen, TimeSpan pulse, TextWriter output, CancellationToken cancellationToken)
    {
        // Every output is opened and set off first, so an output not being tested never sounds by accident.
        foreach (var (_, pin) in map.Outputs())
        {
            gpio.OpenPin(pin.Number, PinMode.Output, Level(pin, on: false));
        }

        foreach (var (key, pin) in map.Outputs().Where(o => chosen.Contains(o.Key)))
        {
            var on = Level(pin, on: true);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{key,-7} GPIO {pin.Number} ({Describe(pin)}): ON  (driven {(on == PinValue.High ? "high" : "low")}) for {pulse.TotalMilliseconds:0} ms")).ConfigureAwait(false);
            gpio.Write(pin.Number, on);
            try
            {
                await Task.Delay(pulse, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gpio.Write(pin.Number, Level(pin, on: false));
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{key,-7} GPIO {pin.Number}: off")).ConfigureAwait(false);
        }
    }

    private static async Task ShowBeamsAsync(GpioController gpio, GatePinMap map, bool watch, int? stopAfter, TextWriter output, CancellationToken cancellationToken)
    {
        var beams = new[] { ("outer beam", map.OuterBeam!), ("inner beam", map.InnerBeam!) };
        foreach (var (name, pin) in beams)
        {
            gpio.OpenPin(pin.Number, PinMode.Input);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name} GPIO {pin.Number} ({Describe(pin)}): {State(pin, gpio.Read(pin.Number))}")).ConfigureAwait(false);
        }

        if (!watch)
        {
            return;
        }

        var changes = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var handlers = new List<(int Pin, PinChangeEventHandler Handler)>();
        foreach (var (name, pin) in beams)
        {
            PinChangeEventHandler handler = (_, change) => changes.Writer.TryWrite(string.Create(
                CultureInfo.InvariantCulture,
                $"{DateTimeOffset.Now:HH:mm:ss.fff}  {name} GPIO {pin.Number}: {State(pin, change.ChangeType == PinEventTypes.Rising ? PinValue.High : PinValue.Low)}"));
            gpio.RegisterCallbackForPinValueChangedEvent(pin.Number, PinEventTypes.Rising | PinEventTypes.Falling, handler);
            handlers.Add((pin.Number, handler));
        }

        await output.WriteLineAsync("Watching the beams; walk through the gate (Ctrl+C to stop).").ConfigureAwait(false);
        try
        {
            var seen = 0;
            await foreach (var line in changes.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
                if (++seen == stopAfter)
                {
                    break;
                }
            }
        }
        finally
        {
            foreach (var (pin, handler) in handlers)
            {
                gpio.UnregisterCallbackForPinValueChangedEvent(pin, handler);
            }
        }
    }

    private static PinValue Level(GatePin pin, bool on) => on == (pin.ParsedPolarity == GatePinPolarity.ActiveHigh) ? PinValue.High : PinValue.Low;

    private static string Describe(GatePin pin) => pin.ParsedPolarity == GatePinPolarity.ActiveHigh ? "active-high" : "active-low";

    private static string State(GatePin pin, PinValue level) => (level == PinValue.High) == (pin.ParsedPolarity == GatePinPolarity.ActiveHigh) ? "BLOCKED" : "clear";
}
