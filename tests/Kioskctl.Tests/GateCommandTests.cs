using System.Device.Gpio;
using Kiosk.Simulators.Gates;
using Kioskctl.Commands;

namespace Kioskctl.Tests;

/// <summary><c>kioskctl gate test</c> in-process, on the simulated GPIO chip (this machine has none).</summary>
public sealed class GateCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly string _pinMap = Path.Combine(Path.GetTempPath(), "gate-pins-" + Guid.NewGuid() + ".json");

    public GateCommandTests() => File.WriteAllText(_pinMap, """
        {
          "name": "gate-main",
          "outerBeam": { "pin": 23, "polarity": "ActiveHigh" },
          "innerBeam": { "pin": 24, "polarity": "ActiveLow" },
          "light": { "pin": 17, "polarity": "ActiveLow" },
          "buzzer": { "pin": 27, "polarity": "ActiveHigh" },
          "relay": { "pin": 22, "polarity": "ActiveLow" }
        }
        """);

    [Fact]
    public void Gate_test_pulses_the_light_then_the_buzzer_each_for_the_pulse_time_with_their_polarity()
    {
        var driver = new SimulatedGpioDriver();

        var run = Run(driver, "gate", "test", "--pin-map", _pinMap, "--light", "--buzzer", "--pulse-ms", "60");

        Assert.Equal(0, run.ExitCode);
        var changes = driver.OutputChanges;

        // Opened off (light and relay active-low, so high; buzzer low), then light on/off, then buzzer on/off.
        Assert.Equal(
            [(17, PinValue.High), (27, PinValue.Low), (22, PinValue.High), (17, PinValue.Low), (17, PinValue.High), (27, PinValue.High), (27, PinValue.Low)],
            changes.Select(c => (c.Pin, c.Value)));
        // The pulse is a timer wait, measured here on the wall clock: the two clocks tick apart by up to a few
        // milliseconds (seen: 59.x ms for a 60 ms wait on a loaded CI machine), so the bound allows for that and no more.
        Assert.True(changes[4].At - changes[3].At >= TimeSpan.FromMilliseconds(55), $"the light's pulse lasted {(changes[4].At - changes[3].At).TotalMilliseconds} ms");
        Assert.True(changes[6].At - changes[5].At >= TimeSpan.FromMilliseconds(55), $"the buzzer's pulse lasted {(changes[6].At - changes[5].At).TotalMilliseconds} ms");
        Assert.Contains("light   GPIO 17 (active-low): ON  (driven low) for 60 ms", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("outer beam GPIO 23 (active-high): clear", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_test_watch_beams_shows_each_beam_change_as_a_person_walks_through()
    {
        var driver = new SimulatedGpioDriver();
        driver.SetInput(24, PinValue.High);
        using var timeout = new CancellationTokenSource(Timeout);

        var running = Task.Run(() => Run(driver, "gate", "test", "--pin-map", _pinMap, "--watch-beams", "--changes", "4"), timeout.Token);
        while (!(driver.HasCallback(23) && driver.HasCallback(24)))
        {
            // Waits for the command to listen before the walk starts; bounded by the timeout.
            await Task.Delay(10, timeout.Token);
        }

        // Outer blocked, inner (active-low) blocked, outer clear, inner clear: someone walking in.
        driver.SetInput(23, PinValue.High);
        driver.SetInput(24, PinValue.Low);
        driver.SetInput(23, PinValue.Low);
        driver.SetInput(24, PinValue.High);
        var run = await running.WaitAsync(timeout.Token);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n').Where(l => l.Contains("  ", StringComparison.Ordinal) && l.Contains("beam GPIO", StringComparison.Ordinal)).Select(l => l[l.IndexOf("  ", StringComparison.Ordinal)..].Trim()).ToList();
        Assert.Equal(["outer beam GPIO 23: BLOCKED", "inner beam GPIO 24: BLOCKED", "outer beam GPIO 23: clear", "inner beam GPIO 24: clear"], lines);
        Assert.DoesNotContain(driver.OutputChanges, c => c.Pin == 17 && c.Value == PinValue.Low);
    }

    [Fact]
    public void Gate_test_with_a_broken_pin_map_names_the_key_and_exits_2()
    {
        File.WriteAllText(_pinMap, File.ReadAllText(_pinMap).Replace("\"pin\": 27", "\"pin\": 17", StringComparison.Ordinal));

        var run = Run(new SimulatedGpioDriver(), "gate", "test", "--pin-map", _pinMap);

        Assert.Equal(GateCommand.BadPinMap, run.ExitCode);
        Assert.Contains("light.pin and buzzer.pin share GPIO 17", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_test_without_a_GPIO_chip_says_where_to_run_it_and_exits_3()
    {
        var run = Run(driver: null, "gate", "test", "--pin-map", _pinMap, "--light", "--pulse-ms", "10");

        Assert.Equal(GateCommand.NoGpio, run.ExitCode);
        Assert.Contains("/dev/gpiochip0", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_pinMap);

    private static CliRun Run(SimulatedGpioDriver? driver, params string[] args)
    {
        GateCommand.ControllerFactory = driver is null ? null : _ => new GpioController(driver);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = KioskctlApp.Run(args, stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }
}
