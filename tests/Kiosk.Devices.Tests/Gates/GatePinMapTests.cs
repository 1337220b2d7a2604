using System.Device.Gpio;
using Kiosk.Devices.Gates;
using Kiosk.Devices.Rfid;
using Kiosk.Simulators.Gates;

namespace Kiosk.Devices.Tests.Gates;

public sealed class GatePinMapTests
{
    [Fact]
    public void The_shipped_Raspberry_Pi_pin_map_loads_with_its_polarities()
    {
        var map = GatePinMapLoader.Load(Path.Combine(RepositoryRoot(), "firmware-config", "gates", "gate-main-rpi.json"));

        Assert.Equal("gate-main", map.Name);
        Assert.Equal(23, map.OuterBeam!.Pin);
        Assert.Equal(GatePinPolarity.ActiveHigh, map.OuterBeam.ParsedPolarity);
        Assert.Equal(GatePinPolarity.ActiveLow, map.Light!.ParsedPolarity);
        Assert.Equal(["light", "buzzer", "relay"], map.Outputs().Select(o => o.Key));
    }

    [Fact]
    public void Two_signals_on_one_pin_are_refused_naming_both_keys_and_the_pin()
    {
        var json = GatePins.Json.Replace("\"pin\": 27", "\"pin\": 17", StringComparison.Ordinal);

        var error = Assert.Throws<GatePinMapException>(() => GatePinMapLoader.Parse(json, "gate.json"));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("light.pin and buzzer.pin share GPIO 17", problem, StringComparison.Ordinal);
        Assert.Contains("gate.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_beam_a_missing_pin_and_a_misspelt_polarity_are_each_named_with_the_fix()
    {
        const string json = """
            {
              "name": "gate-test",
              "innerBeam": { "polarity": "ActiveHigh" },
              "light": { "pin": 17, "polarity": "high" },
              "buzzer": { "pin": 27 },
              "relay": { "pin": -3, "polarity": "ActiveLow" }
            }
            """;

        var error = Assert.Throws<GatePinMapException>(() => GatePinMapLoader.Parse(json, "gate.json"));

        Assert.Collection(
            error.Problems,
            p => Assert.StartsWith("outerBeam: missing; add { \"pin\": N", p, StringComparison.Ordinal),
            p => Assert.StartsWith("innerBeam.pin: missing; set the GPIO line", p, StringComparison.Ordinal),
            p => Assert.Equal("light.polarity: \"high\" is not a polarity; use \"ActiveHigh\" or \"ActiveLow\"", p),
            p => Assert.StartsWith("buzzer.polarity: missing; write \"ActiveHigh\" when a high level means on", p, StringComparison.Ordinal),
            p => Assert.StartsWith("relay.pin: -3 is not a GPIO line", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_json_is_reported_with_its_line()
    {
        var error = Assert.Throws<GatePinMapException>(() => GatePinMapLoader.Parse("{\n \"name\": \"g\",\n \"light\": { \"pin\": x }\n}", "gate.json"));

        Assert.Contains("is not valid JSON at line 3", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pin_the_chip_does_not_have_stops_the_gate_at_open_naming_the_key()
    {
        using var gpio = new GpioController(new SimulatedGpioDriver(pinCount: 24));
        var options = new GateOptions { PinMap = "gate.json", ReaderProfile = "reader.json", CountFile = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json") };
        await using var gate = new GateController(options, GatePins.Map(), new RfidReaderProfile { Name = "gate" }, gpio, new GateEventHub(), TimeProvider.System);

        var error = Assert.Throws<GatePinMapException>(gate.Open);

        Assert.Collection(
            error.Problems,
            p => Assert.StartsWith("innerBeam.pin: GPIO 24 does not exist on chip 0, which has lines 0 to 23; check the pin map against gpioinfo", p, StringComparison.Ordinal),
            p => Assert.StartsWith("buzzer.pin: GPIO 27 does not exist on chip 0", p, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KioskController.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (KioskController.sln) is not above the test's folder.");
    }
}
