using System.CommandLine;

namespace Kiosk.Simulators.Cli;

/// <summary>Runs the device and ILS simulators standalone: <c>kiosk-sim --help</c>.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        var root = new RootCommand("KioskController simulators: an ILS over SIP2, and the kiosk's devices (a barcode scanner, RFID readers and a receipt printer on ptys or TCP).");
        root.Subcommands.Add(IlsCommand.Create());
        root.Subcommands.Add(ScannerCommand.Create());
        root.Subcommands.Add(ReaderCommand.Create());
        root.Subcommands.Add(PrinterCommand.Create());
        root.Subcommands.Add(GateCommand.Create());
        return root.Parse(args).InvokeAsync();
    }
}
