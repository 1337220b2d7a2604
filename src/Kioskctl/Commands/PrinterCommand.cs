using System.CommandLine;
using Kiosk.Devices.Printers;

namespace Kioskctl.Commands;

/// <summary>
/// <c>kioskctl printer test --port PATH | --host H [--tcp-port 9100] [--profile FILE]</c>: prints a test page through the
/// kiosk's own driver and shows the printer's status. Exit code 0: printed; 1: the printer refused it (paper, cover,
/// offline); 2: bad arguments or profile; 3: the printer could not be reached.
/// </summary>
internal static class PrinterCommand
{
    /// <summary>Exit status when the printer could not be reached or did not answer.</summary>
    public const int Unreachable = 3;

    public static Command Create()
    {
        var printer = new Command("printer", "Talk to a receipt printer");
        printer.Subcommands.Add(CreateTest());
        return printer;
    }

    private static Command CreateTest()
    {
        var port = new Option<string?>("--port") { Description = "A serial port (/dev/ttyUSB0) or a device file (/dev/usb/lp0, status unavailable)" };
        var host = new Option<string?>("--host") { Description = "A network printer's host name or address" };
        var tcpPort = new Option<int>("--tcp-port") { Description = "The raw printing port on --host", DefaultValueFactory = _ => TcpPrinterTransport.DefaultPort };
        var baud = new Option<int>("--baud") { Description = "Baud rate on --port", DefaultValueFactory = _ => 38400 };
        var statusTimeout = new Option<int>("--status-timeout")
        {
            Description = "Milliseconds to wait for each DLE EOT answer; raise it for a slow link (default 500, the driver's)",
            DefaultValueFactory = _ => (int)new ReceiptPrinterOptions().StatusReplyTimeout.TotalMilliseconds,
        };
        var profileOption = new Option<string?>("--profile") { Description = "A printer profile (firmware-config/printers/*.json) for paper width, code pages and cutter; its transport is used when --port and --host are left out" };
        var command = new Command("test", "Print a test page: a Vietnamese pangram in TCVN-3 text, in raster bands and in raster glyphs (ESC &), a chart of the TCVN-3 code pages, a raster ruler; then show the status")
        {
            port, host, tcpPort, baud, statusTimeout, profileOption,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            PrinterProfile profile;
            try
            {
                profile = result.GetValue(profileOption) is { } file ? PrinterProfileLoader.Load(file) : new PrinterProfile { Name = "kioskctl" };
            }
            catch (PrinterProfileException ex)
            {
                await error.WriteLineAsync("kioskctl: " + ex.Message).ConfigureAwait(false);
                return 2;
            }

            var transport = Transport(result.GetValue(port), result.GetValue(host), result.GetValue(tcpPort), result.GetValue(baud), profile);
            if (transport is null)
            {
                await error.WriteLineAsync("kioskctl: give --port PATH or --host HOST, or a --profile with a transport").ConfigureAwait(false);
                return 2;
            }

            EscPosReceiptPrinter driver;
            try
            {
                driver = new EscPosReceiptPrinter(transport, new ReceiptPrinterOptions { StatusReplyTimeout = TimeSpan.FromMilliseconds(result.GetValue(statusTimeout)) });
            }
            catch (ArgumentException ex)
            {
                await error.WriteLineAsync("kioskctl: --status-timeout: " + ex.Message).ConfigureAwait(false);
                return 2;
            }

            await using var disposeDriver = driver.ConfigureAwait(false);
            var before = await driver.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Printer {driver.Description}: {before}").ConfigureAwait(false);
            var printed = await driver.PrintAsync(PrinterTestPage.Build(profile, driver.Description), cancellationToken).ConfigureAwait(false);
            if (!printed.Succeeded)
            {
                await error.WriteLineAsync("kioskctl: " + printed.Message).ConfigureAwait(false);
                return printed.Code is PrintResultCode.Unreachable or PrintResultCode.TimedOut ? Unreachable : 1;
            }

            var after = await driver.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync("Test page sent: the pangram in TCVN-3 text, raster bands and raster glyphs, code pages " + profile.Tcvn3LowercasePage + "/" + profile.Tcvn3CapitalsPage + ", a raster ruler.").ConfigureAwait(false);
            await output.WriteLineAsync("Status: " + after).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static IPrinterTransport? Transport(string? port, string? host, int tcpPort, int baud, PrinterProfile profile)
    {
        if (host is not null)
        {
            return new TcpPrinterTransport(host, tcpPort);
        }

        if (port is not null)
        {
            return PrinterTransportFactory.Create(port.StartsWith("/dev/usb/lp", StringComparison.Ordinal)
                ? new PrinterTransportProfile { DevicePath = port }
                : new PrinterTransportProfile { SerialPort = port, BaudRate = baud });
        }

        return profile.Transport is { } fromProfile ? PrinterTransportFactory.Create(fromProfile) : null;
    }
}
