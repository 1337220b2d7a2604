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

    private AlarmGate(ReaderRig rig, GateOptions options)
    {
        Rig = rig;
        Options = options;
        Driver = new SimulatedGpioDriver();
        Gpio = new GpioController(Driver);
        Hub = new GateEventHub();
        Events = Hub.Subscribe();
        options.CountFile = _countFile;
        Gate = new GateController(options, GatePins.Map(), rig.Profile, Gpio, Hub, TimeProvider.System);
        Walks = new WalkThroughSimulator(Driver, GatePins.Map(), rig.Field);
    }

    public ReaderRig Rig { get; }

    public GateOptions Options { get; }

    public SimulatedGpioDriver Driver { get; }

    public GpioController Gpio { get; }

    public GateEventHub Hub { get; }

    public ChannelReader<GateEvent> Events { get; }

    public GateController Gate { get; }

    public WalkThroughSimulator Walks { get; }

    public static async Task<AlarmGate> StartAsync(RfidSecurityMode mode = RfidSecurityMode.Afi, TimeSpan? alarmDuration = null)
    {
        var rig = ReaderRig.Create(RfidReaderProtocol.Feig, antennas: 2);
        rig.Profile.Name = "gate";
        rig.Profile.PollSecuredOnly = true;
        rig.Profile.SecurityMode = mode;
        rig.Profile.PollInterval = TimeSpan.FromMilliseconds(100);
        var gate = new AlarmGate(rig, new GateOptions { PinMap = "test pin map", ReaderProfile = "test", AlarmDuration = alarmDuration ?? TimeSpan.FromMilliseconds(400) });
        gate.Gate.Open();
        gate.Walks.ClearBeams();
        var reader = await rig.OpenAsync();
        gate._polling = Task.Run(() => gate.Gate.RunDetectionAsync(reader, gate._stopping.Token));
        return gate;
    }

    /// <summary>Waits until the reader has answered <paramref name="exchanges"/> more requests: polls that surely saw the field as it is now.</summary>
    public async Task WaitForExchangesAsync(int exchanges, CancellationToken cancellationToken)
    {
        var target = Rig.Simulator.Floor.Exchanges + exchanges;
        while (Rig.Simulator.Floor.Exchanges < target)
        {
            // A short yield between looks at a counter on another thread; the bound is the caller's token.
            await Task.Delay(5, cancellationToken);
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
        await Rig.DisposeAsync();
        _stopping.Dispose();
        File.Delete(_countFile);
    }
}
