using System.Device.Gpio;
using System.Threading.Channels;
using Kiosk.Devices.Gates;
using Kiosk.Devices.Rfid;
using Kiosk.Simulators.Gates;
using Kiosk.Simulators.Rfid;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Devices.Tests.Gates;

/// <summary>A gate on the simulated GPIO chip and a fake clock, without a reader: for beams, counts and faults.</summary>
internal sealed class BeamGate : IAsyncDisposable
{
    private BeamGate(FakeTimeProvider time, SimulatedGpioDriver driver, GpioController gpio, GateController gate, ChannelReader<GateEvent> events, WalkThroughSimulator walks, GateOptions options)
    {
        Time = time;
        Driver = driver;
        Gpio = gpio;
        Gate = gate;
        Events = events;
        Walks = walks;
        Options = options;
    }

    public FakeTimeProvider Time { get; }

    public SimulatedGpioDriver Driver { get; }

    public GpioController Gpio { get; }

    public GateController Gate { get; }

    public ChannelReader<GateEvent> Events { get; }

    public WalkThroughSimulator Walks { get; }

    public GateOptions Options { get; }

    public static BeamGate Open(string? countFile = null, FakeTimeProvider? time = null)
    {
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var driver = new SimulatedGpioDriver(timeProvider: time);
        var gpio = new GpioController(driver);
        var options = new GateOptions
        {
            PinMap = "test pin map",
            ReaderProfile = "unused",
            CountFile = countFile ?? Path.Combine(Path.GetTempPath(), "gate-counts-" + Guid.NewGuid() + ".json"),
            BeamDebounce = TimeSpan.FromMilliseconds(20),
            StuckBeamTimeout = TimeSpan.FromSeconds(10),
            CountPublishPeriod = TimeSpan.FromMinutes(1),
        };
        var hub = new GateEventHub();
        var events = hub.Subscribe();
        var map = GatePins.Map();
        var gate = new GateController(options, map, new RfidReaderProfile { Name = "gate" }, gpio, hub, time);
        gate.Open();
        var walks = new WalkThroughSimulator(driver, map, new RfidField(2), time);
        walks.ClearBeams();
        return new BeamGate(time, driver, gpio, gate, events, walks, options);
    }

    /// <summary>Plays the walkers' steps on the fake clock, then lets the last change settle past the debounce.</summary>
    public void Walk(IEnumerable<Walker> walkers)
    {
        var start = Time.GetUtcNow();
        foreach (var step in WalkThroughSimulator.Plan(walkers, new GateGeometry()))
        {
            var due = start + step.At - Time.GetUtcNow();
            if (due > TimeSpan.Zero)
            {
                Time.Advance(due);
            }

            Walks.Apply(step);
        }

        Time.Advance(Options.BeamDebounce + TimeSpan.FromMilliseconds(1));
    }

    public List<GateEvent> Drain()
    {
        var drained = new List<GateEvent>();
        while (Events.TryRead(out var gateEvent))
        {
            drained.Add(gateEvent);
        }

        return drained;
    }

    public async ValueTask DisposeAsync()
    {
        await Gate.DisposeAsync();
        Gpio.Dispose();
    }
}
