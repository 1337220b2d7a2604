using Kiosk.Simulators.Barcode;

namespace KioskController.Simulation;

/// <summary>
/// The barcode scanner of the default run: a serial scanner simulator whose pty appears, once plugged in, at a link in a
/// folder of its own; the kiosk's scanner driver opens that link like a USB-serial scanner.
/// </summary>
internal sealed class EmbeddedScannerSetup : IAsyncDisposable
{
    public EmbeddedScannerSetup()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("kiosk-scanner-").FullName;
        LinkPath = Path.Combine(Directory, "scanner.pty");
        Simulator = new BarcodeScannerSimulator(new BarcodeScannerSimulatorOptions { LinkPath = LinkPath });
    }

    /// <summary>The folder holding the pty link.</summary>
    public string Directory { get; }

    /// <summary>The stable link to the scanner's pty.</summary>
    public string LinkPath { get; }

    /// <summary>The simulator; <c>/sim/api/scanner</c> scans through it.</summary>
    public BarcodeScannerSimulator Simulator { get; }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync().ConfigureAwait(false);
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
