using System.CommandLine;
using System.Runtime.InteropServices;
using Kiosk.Simulators.Printer;

namespace Kiosk.Simulators.Cli;

/// <summary>
/// <c>kiosk-sim printer [--link /tmp/kiosk-printer | --port 9100] [--out DIR]</c>: an ESC/POS receipt printer on a pty
/// or TCP that writes each receipt to DIR as text and PNG. Typing <c>paper-end</c>, <c>near-end</c>, <c>cover</c> or
/// <c>offline</c> toggles that condition; <c>ready</c> clears them all.
/// </summary>
internal static class PrinterCommand
{
    public static Command Create()
    {
        var link = new Option<string?>("--link") { Description = "Symbolic link to the pty for the kiosk's profile, e.g. /tmp/kiosk-printer." };
        var port = new Option<int?>("--port") { Description = "Listen on this TCP port instead of a pty, e.g. 9100 like a network printer." };
        var output = new Option<string>("--out") { Description = "Folder for receipt-NNNN.txt, .png and .log.", DefaultValueFactory = _ => "printer-out" };
        var dots = new Option<int>("--dots") { Description = "Dots per line: 576 (80 mm) or 384 (58 mm).", DefaultValueFactory = _ => 576 };
        var lower = new Option<int>("--lower-page") { Description = "ESC t page of TCVN-3 lower case.", DefaultValueFactory = _ => 30 };
        var capitals = new Option<int>("--capitals-page") { Description = "ESC t page of TCVN-3 capitals.", DefaultValueFactory = _ => 31 };
        var command = new Command("printer", "Run an ESC/POS receipt printer simulator on a pty or TCP until Ctrl+C (or end of input).")
        {
            link, port, output, dots, lower, capitals,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            ReceiptPrinterSimulator simulator;
            try
            {
                simulator = new ReceiptPrinterSimulator(new PrinterSimulatorOptions
                {
                    LinkPath = parseResult.GetValue(link),
                    TcpPort = parseResult.GetValue(port),
                    OutputDirectory = Path.GetFullPath(parseResult.GetValue(output) ?? "printer-out"),
                    DotsPerLine = parseResult.GetValue(dots),
                    Tcvn3LowercasePage = parseResult.GetValue(lower),
                    Tcvn3CapitalsPage = parseResult.GetValue(capitals),
                });
                simulator.Start();
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or PlatformNotSupportedException or System.Net.Sockets.SocketException)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }

            await using (simulator.ConfigureAwait(false))
            {
                Console.WriteLine(parseResult.GetValue(port) is null
                    ? $"Receipt printer simulator on {simulator.PortPath}; set the printer profile's transport.serialPort to it."
                    : $"Receipt printer simulator on TCP port {simulator.TcpPort}; set transport.host and transport.tcpPort.");
                Console.WriteLine("Type paper-end, near-end, cover or offline to toggle, ready to clear. Ctrl+C to stop.");

                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
                using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
                void Stop(PosixSignalContext context)
                {
                    context.Cancel = true;
                    stop.Cancel();
                }

                try
                {
                    await Task.WhenAll(ReportReceiptsAsync(simulator, stop.Token), ReadSwitchesAsync(simulator, stop.Token)).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Console.WriteLine("Stopping…");
                }
            }

            return 0;
        });
        return command;
    }

    private static async Task ReportReceiptsAsync(ReceiptPrinterSimulator simulator, CancellationToken cancellationToken)
    {
        await foreach (var receipt in simulator.Receipts.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Console.WriteLine($"receipt {receipt.Number}: {receipt.Text.Count(character => character == '\n')} lines, {receipt.Notes.Count} skipped command(s) -> {receipt.TextPath}, {receipt.ImagePath}");
        }
    }

    private static async Task ReadSwitchesAsync(ReceiptPrinterSimulator simulator, CancellationToken cancellationToken)
    {
        while (await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            switch (line.Trim())
            {
                case "paper-end":
                    simulator.PaperEnd = !simulator.PaperEnd;
                    break;
                case "near-end":
                    simulator.PaperNearEnd = !simulator.PaperNearEnd;
                    break;
                case "cover":
                    simulator.CoverOpen = !simulator.CoverOpen;
                    break;
                case "offline":
                    simulator.Offline = !simulator.Offline;
                    break;
                case "ready":
                    simulator.PaperEnd = simulator.PaperNearEnd = simulator.CoverOpen = simulator.Offline = false;
                    break;
                default:
                    Console.WriteLine("Type paper-end, near-end, cover, offline or ready.");
                    continue;
            }

            Console.WriteLine($"status: {simulator.Status}");
        }

        // End of input: keep printing until Ctrl+C, as a printer would.
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
    }
}
