using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Kiosk.Devices.Barcode;
using Kiosk.Simulators.Barcode;

namespace Kiosk.Simulators.Cli;

/// <summary><c>kiosk-sim scanner</c>: a serial barcode scanner on a pty; scans each line typed, or one code on a timer.</summary>
internal static class ScannerCommand
{
    private static readonly Dictionary<string, BarcodeSuffix> Suffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cr"] = BarcodeSuffix.CarriageReturn,
        ["lf"] = BarcodeSuffix.LineFeed,
        ["crlf"] = BarcodeSuffix.CarriageReturnLineFeed,
        ["tab"] = BarcodeSuffix.Tab,
        ["none"] = BarcodeSuffix.None,
    };

    public static Command Create()
    {
        var link = new Option<string?>("--link") { Description = "Symbolic link to the pty for the kiosk's profile, e.g. /tmp/kiosk-scanner." };
        var suffix = new Option<string>("--suffix") { Description = "What follows each code: cr, lf, crlf, tab or none.", DefaultValueFactory = _ => "cr" };
        suffix.AcceptOnlyFromAmong([.. Suffixes.Keys]);
        var baud = new Option<int>("--baud") { Description = "Line speed the wire time is modelled on.", DefaultValueFactory = _ => 9600 };
        var code = new Option<string?>("--code") { Description = "Scan this code repeatedly instead of reading stdin." };
        var every = new Option<TimeSpan>("--every")
        {
            Description = "With --code: the interval, e.g. 5s, 500ms, 2m.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(5),
            CustomParser = result => ParseInterval(result.Tokens.Single().Value, result),
        };

        var command = new Command("scanner", "Run a serial barcode scanner simulator on a pseudo-terminal until Ctrl+C (or end of input).")
        {
            link, suffix, baud, code, every,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            BarcodeScannerSimulator simulator;
            try
            {
                simulator = new BarcodeScannerSimulator(new BarcodeScannerSimulatorOptions
                {
                    LinkPath = parseResult.GetValue(link),
                    Suffix = Suffixes[parseResult.GetValue(suffix) ?? "cr"],
                    BaudRate = parseResult.GetValue(baud),
                });
                simulator.Plug();
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or PlatformNotSupportedException)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }

            await using (simulator.ConfigureAwait(false))
            {
                Console.WriteLine($"Barcode scanner simulator on {simulator.PortPath}" +
                    (simulator.PortPath == simulator.SlavePath ? string.Empty : $" -> {simulator.SlavePath}") +
                    $" (suffix {parseResult.GetValue(suffix)}, {parseResult.GetValue(baud)} baud)");
                Console.WriteLine("Set the kiosk's scanner PortName to that path. Ctrl+C to stop.");

                // Ctrl+C and SIGTERM stop cleanly (the pty and its link are removed), as in 'kiosk-sim ils'.
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
                    if (parseResult.GetValue(code) is { Length: > 0 } fixedCode)
                    {
                        await ScanRepeatedlyAsync(simulator, fixedCode, parseResult.GetValue(every), stop.Token).ConfigureAwait(false);
                    }
                    else
                    {
                        await ScanStandardInputAsync(simulator, stop.Token).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException)
                {
                    Console.WriteLine("Stopping…");
                }
                catch (ArgumentException ex)
                {
                    await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                    return 2;
                }
            }

            return 0;
        });
        return command;
    }

    private static async Task ScanRepeatedlyAsync(BarcodeScannerSimulator simulator, string code, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            await simulator.ScanAsync(code, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"scanned {code}");
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    private static async Task ScanStandardInputAsync(BarcodeScannerSimulator simulator, CancellationToken cancellationToken)
    {
        Console.WriteLine("Type a code and press Enter to scan it.");
        while (await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Trim() is { Length: > 0 } typed)
            {
                await simulator.ScanAsync(typed, cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"scanned {typed}");
            }
        }
    }

    private static TimeSpan ParseInterval(string text, System.CommandLine.Parsing.ArgumentResult result)
    {
        (string Unit, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (unit, seconds) in units)
        {
            if (text.EndsWith(unit, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return TimeSpan.FromSeconds(value * seconds);
            }
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return interval;
        }

        result.AddError($"--every '{text}' is not an interval; write 5s, 500ms, 2m or 00:00:05.");
        return TimeSpan.FromSeconds(5);
    }
}
