using System.Device.Gpio;
using System.Text.Json;
using Kiosk.Devices.Gates;
using Kiosk.Simulators.Gates;
using Kiosk.Simulators.Rfid;

namespace KioskController.Simulation;

/// <summary>
/// The exit gate of the default run: a FEIG reader simulator with two antenna panels on a pty of its own, a simulated
/// GPIO chip for the beams, the light and the buzzer, and the pin map and reader profile files the gate loads like a
/// real gate's. The /sim panel walks people through it.
/// </summary>
internal sealed class EmbeddedGateSetup : IAsyncDisposable
{
    private static readonly int[] s_antennas = [1, 2];

    public EmbeddedGateSetup()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("kiosk-gate-").FullName;
        LinkPath = Path.Combine(Directory, "gate.pty");
        PinMapPath = Path.Combine(Directory, "gate-pins.json");
        ReaderProfilePath = Path.Combine(Directory, "gate-reader.json");
        CountFile = Path.Combine(Directory, "gate-counts.json");

        // The pins of firmware-config/gates/gate-main-rpi.json, on the simulated chip.
        File.WriteAllText(PinMapPath, """
            { "name": "gate-main", "chip": 0,
              "outerBeam": { "pin": 23, "polarity": "ActiveHigh" }, "innerBeam": { "pin": 24, "polarity": "ActiveHigh" },
              "light": { "pin": 17, "polarity": "ActiveLow" }, "buzzer": { "pin": 27, "polarity": "ActiveLow" },
              "relay": { "pin": 22, "polarity": "ActiveLow" } }
            """);

        // As firmware-config/readers/gate-feig.json: two panels, polled for secured items only (AFI 0x07).
        File.WriteAllText(ReaderProfilePath, JsonSerializer.Serialize(new
        {
            name = "gate",
            protocol = "Feig",
            port = LinkPath,
            baudRate = 38400,
            parity = "Even",
            antennas = s_antennas,
            pollInterval = "00:00:00.100",
            pollSecuredOnly = true,
            securityMode = "Afi",
            securedAfi = SecurityAfi.Common.Secured,
            loanedAfi = SecurityAfi.Common.NotSecured,
        }));
        Reader = new FeigReaderSimulator(Field, new FeigReaderSimulatorOptions { LinkPath = LinkPath, AntennaCount = 2 });
        Walks = new WalkThroughSimulator(Driver, GatePinMapLoader.Load(PinMapPath), Field);
    }

    public string Directory { get; }

    public string LinkPath { get; }

    public string PinMapPath { get; }

    public string ReaderProfilePath { get; }

    public string CountFile { get; }

    /// <summary>The two antenna panels' field.</summary>
    public RfidField Field { get; } = new(2);

    /// <summary>The simulated GPIO chip: records every output change, drives the beams.</summary>
    public SimulatedGpioDriver Driver { get; } = new();

    /// <summary>The reader simulator behind the gate's antennas.</summary>
    public FeigReaderSimulator Reader { get; }

    /// <summary>Walks people through the gate: beams in order, tags in the field for the dwell their speed gives.</summary>
    public WalkThroughSimulator Walks { get; }

    /// <summary>The controller the gate uses; the kiosk's composition root hands it to AddGate.</summary>
    public GpioController CreateController() => new(Driver);

    public async ValueTask DisposeAsync()
    {
        await Reader.DisposeAsync().ConfigureAwait(false);
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A pty link still being torn down; the temporary folder is left for the system to clean.
        }
    }
}
