using System.Device.Gpio;
using System.IO.Ports;
using System.Threading.Channels;
using Kiosk.Devices.Gates;
using Kiosk.Devices.Rfid;
using Kiosk.Devices.Transports;
using Kiosk.Simulators.Gates;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Circulation.Tests.Gates;

/// <summary>
/// A gate polling the FEIG reader simulator over a real pty, on the simulated GPIO chip and the real clock, with its
/// events on a hub the enricher under test also reads.
/// </summary>
internal sealed class GateChain : IAsyncDisposable
{
    public const int LightPin = 17;

    private const string PinMapJson = """
        {
          "name": "gate-main",
          "outerBeam": { "pin": 23, "polarity": "ActiveHigh" },
          "innerBeam": { "pin": 24, "polarity": "ActiveHigh" },
          "light": { "pin": 17, "polarity": "ActiveHigh" },
          "buzzer": { "pin": 27, "polarity": "ActiveHigh" }
        }
        """;

    private readonly CancellationTokenSource _stopping = new();
    private readonly string _countFile = Path.Combine(Path.GetTempPath(), "gate-counts-" + Guid.NewGuid() + ".json");
    private FeigReaderSimulator? _simulator;
    private ISerialConnection? _connection;
    private IRfidReader? _reader;
    private Task _polling = Task.CompletedTask;

    public GateEventHub Hub { get; } = new();

    public SimulatedGpioDriver Driver { get; } = new();

    public RfidField Field { get; } = new(2);

    public GatePinMap PinMap { get; } = GatePinMapLoader.Parse(PinMapJson, "test pin map");

    public GpioController? Gpio { get; private set; }

    public GateController? Gate { get; private set; }

    public async Task StartAsync()
    {
        // The reader simulator's pty reads wait in poll(2) on a pool thread; on two cores the pool starts with two
        // threads, and a held one could pause the gate's polls for a second while the pool grows.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), completionPorts);

        _simulator = new FeigReaderSimulator(Field, new FeigReaderSimulatorOptions { AntennaCount = 2 });
        _simulator.Plug();
        var profile = new RfidReaderProfile
        {
            Name = "gate",
            Protocol = RfidReaderProtocol.Feig,
            Port = _simulator.PortPath,
            BaudRate = 38400,
            Parity = Parity.Even,
            Antennas = [1, 2],
            PollInterval = TimeSpan.FromMilliseconds(100),
            PollSecuredOnly = true,
        };
        Gpio = new GpioController(Driver);
        Gate = new GateController(new GateOptions { PinMap = "test", ReaderProfile = "test", CountFile = _countFile, AlarmDuration = TimeSpan.FromSeconds(1) }, PinMap, profile, Gpio, Hub, TimeProvider.System);
        Gate.Open();
        new WalkThroughSimulator(Driver, PinMap, Field).ClearBeams();
        _connection = await new SerialPortTransport(RfidReaderFactory.CreateTransportOptions(profile)).OpenAsync();
        _reader = RfidReaderFactory.Create(profile, _connection, TimeProvider.System);
        var gate = Gate;
        var reader = _reader;
        _polling = Task.Run(() => gate.RunDetectionAsync(reader, _stopping.Token));
    }

    public WalkThroughSimulator Walks() => new(Driver, PinMap, Field);

    public static async Task<T> NextAsync<T>(ChannelReader<GateEvent> events, List<GateEvent> seen, CancellationToken cancellationToken)
        where T : GateEvent
    {
        await foreach (var gateEvent in events.ReadAllAsync(cancellationToken))
        {
            seen.Add(gateEvent);
            if (gateEvent is T wanted)
            {
                return wanted;
            }
        }

        throw new InvalidOperationException($"The gate's events ended before a {typeof(T).Name}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _polling;
        }
        catch (OperationCanceledException)
        {
            // The polls end by cancellation.
        }

        if (Gate is not null)
        {
            await Gate.DisposeAsync();
        }

        Gpio?.Dispose();
        if (_reader is not null)
        {
            await _reader.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        _stopping.Dispose();
        File.Delete(_countFile);
    }
}
