using Kiosk.Simulators.Printer;

namespace KioskController.Simulation;

/// <summary>
/// The receipt printer of the default run: an ESC/POS printer simulator listening on a free loopback port, writing
/// each receipt it prints as text and PNG to a temporary folder.
/// </summary>
internal sealed class EmbeddedPrinterSetup : IAsyncDisposable
{
    public EmbeddedPrinterSetup()
    {
        OutputDirectory = Directory.CreateTempSubdirectory("kiosk-receipts-").FullName;
        Simulator = new ReceiptPrinterSimulator(new PrinterSimulatorOptions { TcpPort = 0, OutputDirectory = OutputDirectory });
        Simulator.Start();
    }

    /// <summary>Where printed receipts land (receipt-NNNN.txt and .png).</summary>
    public string OutputDirectory { get; }

    /// <summary>The simulator; the /sim API switches its paper and cover.</summary>
    public ReceiptPrinterSimulator Simulator { get; }

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
