using System.Device.Gpio;
using System.Text.Json;
using Kiosk.Circulation.Gates;
using Kiosk.Devices.Gates;
using Kiosk.Ils.Tests.Support;
using Kiosk.Simulators.Gates;
using Kiosk.Simulators.Ils;
using Kiosk.Simulators.Rfid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kiosk.Circulation.Tests.Gates;

/// <summary><c>AddGate</c> and <c>AddGateAlarmEnrichment</c> in a real Generic Host, on the simulated GPIO chip.</summary>
public sealed class GateHostingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gate-host-").FullName;

    [Fact]
    public async Task A_gate_option_out_of_range_stops_the_host_at_start_naming_the_key()
    {
        using var host = Build(options => options.AlarmDuration = TimeSpan.FromMilliseconds(1));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("GateOptions.AlarmDuration", error.Message, StringComparison.Ordinal);
        Assert.Contains("00:00:00.050", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pin_map_with_two_signals_on_one_line_stops_the_host_at_start()
    {
        File.WriteAllText(PinMapPath, PinMap(buzzerPin: 17));
        using var host = Build();

        var error = await Assert.ThrowsAsync<GatePinMapException>(() => host.StartAsync());

        Assert.Contains("light.pin and buzzer.pin share GPIO 17", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hosted_gate_alarms_on_a_secured_book_and_the_title_follows()
    {
        await using var ils = await IlsFixture.StartAsync();
        var field = new RfidField(2);
        await using var reader = new FeigReaderSimulator(field, new FeigReaderSimulatorOptions { AntennaCount = 2 });
        reader.Plug();
        File.WriteAllText(ReaderProfilePath, ReaderProfile(reader.PortPath));
        var driver = new SimulatedGpioDriver();
        using var host = Build(gpio: new GpioController(driver), configure: null, services =>
        {
            services.AddSip2Client(options =>
            {
                var client = ils.ClientOptions();
                (options.Host, options.Port, options.UserId, options.Password, options.InstitutionId, options.Charset) =
                    (client.Host, client.Port, client.UserId, client.Password, client.InstitutionId, client.Charset);
            });
            services.AddGateAlarmEnrichment();
        });
        var events = host.Services.GetRequiredService<GateEventHub>().Subscribe();
        await host.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));

        new WalkThroughSimulator(driver, GatePinMapLoader.Load(PinMapPath), field).ClearBeams();
        field.Place(LibraryTagFactory.CreateItem(IlsSampleData.AvailableBook, "VN-HN-TVHN", secured: true), antenna: 1);
        var seen = new List<GateEvent>();
        var enriched = await GateChain.NextAsync<GateAlarmEnriched>(events, seen, timeout.Token);

        Assert.Contains(seen, e => e is GateAlarmRaised raised && raised.AlarmId == enriched.AlarmId);
        Assert.Equal("Truyện Kiều", enriched.Title);
        Assert.Contains(driver.OutputChanges, change => change.Pin == 17 && change.Value == PinValue.High);
        await host.StopAsync();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PinMapPath => Path.Combine(_folder, "gate.json");

    private string ReaderProfilePath => Path.Combine(_folder, "gate-reader.json");

    private static string PinMap(int buzzerPin = 27) => $$"""
        {
          "name": "gate-main",
          "outerBeam": { "pin": 23, "polarity": "ActiveHigh" },
          "innerBeam": { "pin": 24, "polarity": "ActiveHigh" },
          "light": { "pin": 17, "polarity": "ActiveHigh" },
          "buzzer": { "pin": {{buzzerPin}}, "polarity": "ActiveHigh" }
        }
        """;

    private static string ReaderProfile(string port) => $$"""
        {
          "name": "gate", "protocol": "Feig", "port": {{JsonSerializer.Serialize(port)}}, "baudRate": 38400, "parity": "Even",
          "antennas": [1, 2], "pollInterval": "00:00:00.100", "pollSecuredOnly": true, "securedAfi": 7, "loanedAfi": 194
        }
        """;

    private IHost Build(Action<GateOptions>? configure = null) => Build(new GpioController(new SimulatedGpioDriver()), configure, services: null);

    private IHost Build(GpioController gpio, Action<GateOptions>? configure, Action<IServiceCollection>? services)
    {
        if (!File.Exists(PinMapPath))
        {
            File.WriteAllText(PinMapPath, PinMap());
        }

        if (!File.Exists(ReaderProfilePath))
        {
            File.WriteAllText(ReaderProfilePath, ReaderProfile("/dev/null-reader"));
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(gpio);
        builder.Services.AddGate(options =>
        {
            options.PinMap = PinMapPath;
            options.ReaderProfile = ReaderProfilePath;
            options.CountFile = Path.Combine(_folder, "counts.json");
            configure?.Invoke(options);
        });
        services?.Invoke(builder.Services);
        return builder.Build();
    }
}
