using System.CommandLine;
using System.Device.Gpio;
using System.Globalization;
using System.IO.Ports;
using System.Text;
using Kiosk.Devices.Gates;
using Kiosk.Devices.Rfid;
using Kiosk.Devices.Transports;
using Kiosk.Simulators.Gates;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Simulators.Cli;

/// <summary>
/// <c>kiosk-sim gate</c>: a whole exit gate on this machine — the FEIG reader simulator on a pty, the kiosk's own
/// <see cref="GateController"/> and driver, and a simulated GPIO chip (a gate's GPIO cannot cross a process boundary) —
/// with people walking through it as scenarios. Prints the gate's events and the alarm outputs as they switch.
/// </summary>
internal static class GateCommand
{
    private const string Owner = "VN-HN-TVHN";

    private const string DefaultPinMap = """
        { "name": "gate-sim", "outerBeam": { "pin": 23, "polarity": "ActiveHigh" }, "innerBeam": { "pin": 24, "polarity": "ActiveHigh" },
          "light": { "pin": 17, "polarity": "ActiveLow" }, "buzzer": { "pin": 27, "polarity": "ActiveLow" } }
        """;

    private const string Help = "Scenarios: one [in|out] [secured|loaned], two, turnback, trolley, counts, quit. Speed with --speed (m/s).";

    public static Command Create()
    {
        var pinMap = new Option<string?>("--pin-map") { Description = "A gate pin map (firmware-config/gates); a built-in one when left out." };
        var speed = new Option<double>("--speed") { Description = "Walking speed in m/s.", DefaultValueFactory = _ => 1.4 };
        var scenario = new Option<string?>("--scenario") { Description = "Run one scenario (one, two, turnback, trolley) and exit, instead of reading them from stdin." };
        var command = new Command("gate", "Run a simulated exit gate and walk people through it.") { pinMap, speed, scenario };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            Console.OutputEncoding = Encoding.UTF8;
            GatePinMap map;
            try
            {
                map = parseResult.GetValue(pinMap) is { } path ? GatePinMapLoader.Load(path) : GatePinMapLoader.Parse(DefaultPinMap, "built-in pin map");
            }
            catch (GatePinMapException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }

            return await RunAsync(map, parseResult.GetValue(speed), parseResult.GetValue(scenario), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(GatePinMap map, double speed, string? scenario, CancellationToken cancellationToken)
    {
        var field = new RfidField(2);
        await using var simulator = new FeigReaderSimulator(field, new FeigReaderSimulatorOptions { AntennaCount = 2 });
        simulator.Plug();
        var profile = new RfidReaderProfile
        {
            Name = "gate", Protocol = RfidReaderProtocol.Feig, Port = simulator.PortPath, BaudRate = 38400, Parity = Parity.Even,
            Antennas = [1, 2], PollInterval = TimeSpan.FromMilliseconds(100), PollSecuredOnly = true,
        };
        var driver = new SimulatedGpioDriver();
        using var gpio = new GpioController(driver);
        var hub = new GateEventHub();
        var events = hub.Subscribe();
        var countFile = Path.Combine(Path.GetTempPath(), "kiosk-sim-gate-counts.json");
        var gate = new GateController(new GateOptions { PinMap = "sim", ReaderProfile = "sim", CountFile = countFile, AlarmDuration = TimeSpan.FromSeconds(2) }, map, profile, gpio, hub, TimeProvider.System);
        await using (gate.ConfigureAwait(false))
        {
            gate.Open();
            var walks = new WalkThroughSimulator(driver, map, field);
            walks.ClearBeams();
            driver.OutputChanged += (_, change) => Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{change.At.ToLocalTime():HH:mm:ss.fff}  GPIO {change.Pin} -> {(change.Value == PinValue.High ? "high" : "low")}"));
            await using var connection = await new SerialPortTransport(RfidReaderFactory.CreateTransportOptions(profile)).OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var reader = RfidReaderFactory.Create(profile, connection, TimeProvider.System);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var polling = Task.Run(() => gate.RunDetectionAsync(reader, stop.Token), CancellationToken.None);
            var printing = Task.Run(() => PrintAsync(events, stop.Token), CancellationToken.None);
            Console.WriteLine($"Gate '{gate.Name}' with a FEIG reader simulator on {simulator.PortPath}; counts in {countFile}.");
            if (scenario is not null)
            {
                await WalkAsync(walks, scenario, speed, stop.Token).ConfigureAwait(false);

                // Long enough for the title-less events of the last walk to be printed: the alarm time.
                await Task.Delay(TimeSpan.FromSeconds(2), stop.Token).ConfigureAwait(false);
            }
            else
            {
                Console.WriteLine(Help);
                while (await Console.In.ReadLineAsync(stop.Token).ConfigureAwait(false) is { } line && line.Trim() != "quit")
                {
                    if (line.Trim() == "counts")
                    {
                        Console.WriteLine($"in {gate.Counts.In}, out {gate.Counts.Out}");
                        continue;
                    }

                    await WalkAsync(walks, line, speed, stop.Token).ConfigureAwait(false);
                }
            }

            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(polling, printing).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            Console.WriteLine($"Counts: in {gate.Counts.In}, out {gate.Counts.Out}.");
        }

        return 0;
    }

    private static async Task WalkAsync(WalkThroughSimulator walks, string line, double speed, CancellationToken cancellationToken)
    {
        var words = line.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return;
        }

        var direction = words.Contains("in") ? GateDirection.In : GateDirection.Out;
        var secured = !words.Contains("loaned");
        IReadOnlyList<Walker>? walkers = words[0] switch
        {
            "one" => WalkScenarios.OneWalker(speed, [LibraryTagFactory.CreateItem("TV0001", Owner, secured: secured)], direction),
            "two" => WalkScenarios.TwoClose(speed, new GateGeometry(), direction: direction),
            "turnback" => WalkScenarios.TurnBack(speed, [LibraryTagFactory.CreateItem("TV0005", Owner, secured: true)], direction),
            "trolley" => WalkScenarios.Trolley(speed).Walkers,
            _ => null,
        };
        if (walkers is null)
        {
            Console.WriteLine(Help);
            return;
        }

        Console.WriteLine($"-- {line.Trim()} at {speed.ToString(CultureInfo.InvariantCulture)} m/s");
        await walks.PlayAsync(WalkThroughSimulator.Plan(walkers, new GateGeometry()), cancellationToken).ConfigureAwait(false);
    }

    private static async Task PrintAsync(System.Threading.Channels.ChannelReader<GateEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var gateEvent in events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                Console.WriteLine($"{gateEvent.At.ToLocalTime():HH:mm:ss.fff}  {gateEvent}");
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping ends the printing.
        }
    }
}
