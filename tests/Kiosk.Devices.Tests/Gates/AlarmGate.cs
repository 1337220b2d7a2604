using System.Device.Gpio;
using System.Threading.Channels;
using Kiosk.Devices.Gates;
using Kiosk.Devices.Rfid;
using Kiosk.Devices.Tests.Rfid;
using Kiosk.Simulators.Gates;

namespace Kiosk.Devices.Tests.Gates;

/// <summary>
/// A gate polling the FEIG reader simulator over a real pty (two antennas), on the simulated GPIO chip, on the real
/// clock: the alarm path end to end.
/// </summary>
internal sealed class AlarmGate : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _countFile = Path.Combine(Path.GetTempPath(), "gate-counts-" + Guid.NewGuid() + ".json");
    private Task _polling = Task.CompletedTask;
    private Kiosk.Devices.Transports.ISerialConnection? _connection;
    private IRfidReader? _reader;

    private AlarmGate(ReaderRig rig, GateOptions options, TimeProvider gateTime)
    {
        Rig = rig;
        Options = options;
        Driver = new SimulatedGpioDriver();
        Gpio = new GpioController(Driver);
        Hub = new GateEventHub();
        Events = Hub.Subscribe();
        options.CountFile = _countFile;
        Gate = new GateController(options, GatePins.Map(), rig.Profile, Gpio, Hub, gateTime);
        Walks = new WalkThroughSimulator(Driver, GatePins.Map(), rig.Field);
    }

    public ReaderRig Rig { get; }

    /// <summary>What the FEIG driver logged: timeouts and retries, for a failing test's message.</summary>
    public RecordingLogger<Kiosk.Devices.Rfid.Feig.FeigRfidReader> ReaderLog { get; } = new();

    public GateOptions Options { get; }

    /// <summary>The gate's reader: the FEIG driver, noting the tag reads the gate makes.</summary>
    public RecordingRfidReader Reader { get; private set; } = null!;

    public SimulatedGpioDriver Driver { get; }

    public GpioController Gpio { get; }

    public GateEventHub Hub { get; }

    public ChannelReader<GateEvent> Events { get; }

    public GateController Gate { get; }

    public WalkThroughSimulator Walks { get; }

    /// <summary>
    /// The reader simulator's pty reads wait in poll(2) on a pool thread (PseudoTerminalMasterStream), and on two cores
    /// the pool starts with two threads: with one held, a timer or poll continuation could wait a second for the pool
    /// to grow, a pause in the polls that a real gate, which hosts no simulator, never has.
    /// </summary>
    static AlarmGate() => EnsureThreadPool();

    public static void EnsureThreadPool()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), completionPorts);
    }

    /// <param name="gateTime">The gate controller's clock (polls, debounce, alarm and direction waits); the reader
    /// driver stays on the real clock, because its serial timeouts guard real I/O.</param>
    public static async Task<AlarmGate> StartAsync(
        RfidSecurityMode mode = RfidSecurityMode.Afi, TimeSpan? alarmDuration = null, Action<GateOptions>? configure = null, TimeProvider? gateTime = null)
    {
        var rig = ReaderRig.Create(RfidReaderProtocol.Feig, antennas: 2);
        rig.Profile.Name = "gate";
        rig.Profile.PollSecuredOnly = true;
        rig.Profile.SecurityMode = mode;
        rig.Profile.PollInterval = TimeSpan.FromMilliseconds(100);
        var options = new GateOptions { PinMap = "test pin map", ReaderProfile = "test", AlarmDuration = alarmDuration ?? TimeSpan.FromMilliseconds(400) };
        configure?.Invoke(options);
        var gate = new AlarmGate(rig, options, gateTime ?? TimeProvider.System);
        gate.Gate.Open();
        gate.Walks.ClearBeams();
        var connection = await rig.CreateTransport().OpenAsync();
        var reader = new RecordingRfidReader(new Kiosk.Devices.Rfid.Feig.FeigRfidReader(connection, rig.Profile, TimeProvider.System, gate.ReaderLog));
        gate._connection = connection;
        gate._reader = reader;
        gate.Reader = reader;
        gate._polling = Task.Run(() => gate.Gate.RunDetectionAsync(reader, gate._stopping.Token));
        return gate;
    }

    /// <summary>Waits until the gate has finished <paramref name="rounds"/> more poll rounds: polls that surely saw the field as it is now.</summary>
    public async Task WaitForRoundsAsync(int rounds, CancellationToken cancellationToken)
    {
        // One more than asked: the round in progress may have polled before the field last changed.
        var target = Gate.PollRounds + rounds + 1;
        while (Gate.PollRounds < target)
        {
            // A short yield between looks at a counter the polling thread moves; the bound is the caller's token.
            await Task.Delay(10, cancellationToken);
        }
    }

    public async Task<T> NextAsync<T>(CancellationToken cancellationToken)
        where T : GateEvent
    {
        await foreach (var gateEvent in Events.ReadAllAsync(cancellationToken))
        {
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

        await Gate.DisposeAsync();
        Gpio.Dispose();
        if (_reader is not null)
        {
            await _reader.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        await Rig.DisposeAsync();
        _stopping.Dispose();
        File.Delete(_countFile);
    }
}
