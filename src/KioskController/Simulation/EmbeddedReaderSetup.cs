using System.Text.Json;
using Kiosk.Simulators.Rfid;

namespace KioskController.Simulation;

/// <summary>
/// The pad reader of the default run: a FEIG reader simulator on a pseudo-terminal, its virtual RF field, and a reader
/// profile pointing at the pty's link, written to a folder of its own so the kiosk loads it like any real profile.
/// </summary>
internal sealed class EmbeddedReaderSetup : IDisposable
{
    public EmbeddedReaderSetup()
    {
        ProfileDirectory = Directory.CreateTempSubdirectory("kiosk-readers-").FullName;
        LinkPath = Path.Combine(ProfileDirectory, "pad.pty");

        // 38400 8E1 is the FEIG default (ID CPR manual, "Interface"); AFI 0x07 secured, 0xC2 loaned (the values most sites use; a site sets its own in the reader profile).
        var profile = new
        {
            name = "pad",
            protocol = "Feig",
            port = LinkPath,
            baudRate = 38400,
            parity = "Even",
            antennas = new[] { 1 },
            pollInterval = "00:00:00.200",
            securityMode = "Afi",
            securedAfi = SecurityAfi.Common.Secured,
            loanedAfi = SecurityAfi.Common.NotSecured,
        };
        File.WriteAllText(Path.Combine(ProfileDirectory, "pad.json"), JsonSerializer.Serialize(profile));
    }

    /// <summary>The folder holding the embedded reader's profile.</summary>
    public string ProfileDirectory { get; }

    /// <summary>The stable link to the simulator's pty that the profile names.</summary>
    public string LinkPath { get; }

    /// <summary>The books on the simulated pad; the /sim API places and lifts them.</summary>
    public RfidField Field { get; } = new();

    public void Dispose()
    {
        try
        {
            Directory.Delete(ProfileDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pty link still being torn down; the temporary folder is left for the system to clean.
        }
    }
}
