using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text;
using Kiosk.Protocols.Sip2;
using Kiosk.Simulators.Ils;
using Microsoft.Extensions.Logging;

namespace Kiosk.Simulators.Cli;

/// <summary><c>kiosk-sim ils</c>: a SIP2 ILS with the Vietnamese sample library, until Ctrl+C.</summary>
internal static class IlsCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port to listen on; 0 picks a free one.", DefaultValueFactory = _ => 6001 };
        var host = new Option<string>("--host") { Description = "IP address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var charset = new Option<string>("--charset")
        {
            Description = "Wire charset: " + string.Join(", ", Sip2Charset.KnownNames) + ".",
            DefaultValueFactory = _ => "utf-8",
        };
        var crlf = new Option<bool>("--crlf") { Description = "End responses with CR LF instead of CR." };
        var noErrorDetection = new Option<bool>("--no-error-detection") { Description = "Send no AY sequence numbers or AZ checksums." };
        var user = new Option<string>("--user") { Description = "Login user id (CN) to accept.", DefaultValueFactory = _ => "kiosk" };
        var passwordVariable = new Option<string?>("--password-env") { Description = "Environment variable holding the login password (CO); without it the sample password is used." };
        var noLogin = new Option<bool>("--no-login") { Description = "Serve requests without a prior Login (93)." };
        var latency = new Option<int>("--latency-ms") { Description = "Delay every answer by this many milliseconds.", DefaultValueFactory = _ => 0 };
        var verbose = new Option<bool>("--verbose") { Description = "Log every request (patron identifiers are hashed)." };

        var command = new Command("ils", "Run the SIP2 ILS simulator with the Vietnamese sample library until Ctrl+C.")
        {
            port, host, charset, crlf, noErrorDetection, user, passwordVariable, noLogin, latency, verbose,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            Console.OutputEncoding = Encoding.UTF8;
            var options = new IlsSimulatorOptions
            {
                Port = parseResult.GetValue(port),
                Host = parseResult.GetValue(host) ?? "127.0.0.1",
                Charset = parseResult.GetValue(charset) ?? "utf-8",
                Terminator = parseResult.GetValue(crlf) ? Sip2Terminator.CarriageReturnLineFeed : Sip2Terminator.CarriageReturn,
                ErrorDetection = !parseResult.GetValue(noErrorDetection),
                LoginUserId = parseResult.GetValue(user) ?? "kiosk",
                LoginRequired = !parseResult.GetValue(noLogin),
            };
            var passwordSource = "mật khẩu mẫu " + options.LoginPassword;
            if (parseResult.GetValue(passwordVariable) is { Length: > 0 } variable)
            {
                if (Environment.GetEnvironmentVariable(variable) is not { Length: > 0 } password)
                {
                    await Console.Error.WriteLineAsync(
                        $"Environment variable {variable} is not set or empty; export it with the SIP2 login password, or leave out --password-env to use the sample password.").ConfigureAwait(false);
                    return 2;
                }

                options.LoginPassword = password;
                passwordSource = "mật khẩu từ $" + variable;
            }

            using var loggerFactory = LoggerFactory.Create(logging => logging
                .AddSimpleConsole(console => console.SingleLine = true)
                .SetMinimumLevel(parseResult.GetValue(verbose) ? LogLevel.Debug : LogLevel.Information));
            IlsSimulator simulator;
            try
            {
                simulator = new IlsSimulator(options, loggerFactory.CreateLogger("Kiosk.Simulators.Ils"));
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }

            await using (simulator.ConfigureAwait(false))
            {
                try
                {
                    await simulator.StartAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (IOException ex)
                {
                    await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                    return 1;
                }

                if (parseResult.GetValue(latency) is > 0 and var milliseconds)
                {
                    simulator.Faults.SetLatency(TimeSpan.FromMilliseconds(milliseconds));
                }

                PrintSummary(simulator, passwordSource);

                // Ctrl+C (SIGINT) and SIGTERM stop the simulator cleanly; registered here as well because the parser's own
                // handling did not catch SIGINT in a quick check on Linux.
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
                    await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Console.WriteLine("Đang dừng…");
                }

                await simulator.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static void PrintSummary(IlsSimulator simulator, string passwordSource)
    {
        var options = simulator.Options;
        Console.WriteLine($"SIP2 ILS simulator: {simulator.EndPoint} ({options.LibraryName}, AO {options.InstitutionId})");
        Console.WriteLine(
            $"  charset {options.Charset}, terminator {(options.Terminator == Sip2Terminator.CarriageReturnLineFeed ? "CR LF" : "CR")}, " +
            $"error detection {(options.ErrorDetection ? "on" : "off")}, TLS off");
        Console.WriteLine(options.LoginRequired
            ? $"  login required: user '{options.LoginUserId}', {passwordSource}"
            : "  login not required");
        Console.WriteLine("Bạn đọc (mã thẻ, PIN mẫu):");
        foreach (var line in IlsSampleData.DescribePatrons(simulator.Library))
        {
            Console.WriteLine("  " + line);
        }

        Console.WriteLine("Tài liệu:");
        foreach (var line in IlsSampleData.DescribeItems(simulator.Library))
        {
            Console.WriteLine("  " + line);
        }

        Console.WriteLine("Ctrl+C to stop.");
    }
}
