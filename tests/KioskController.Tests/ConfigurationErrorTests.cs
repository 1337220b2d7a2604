using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

using KioskController.Hosting;
using Microsoft.Extensions.Logging;

namespace KioskController.Tests;

/// <summary>
/// A technician's configuration mistake stops the kiosk with the full key, what is wrong and where to set it, and no
/// stack trace: the real process, as a service manager starts it.
/// </summary>
public sealed class ConfigurationErrorTests
{
    [Fact]
    public async Task A_duration_out_of_range_names_the_full_key_its_bounds_and_the_environment_variable()
    {
        var (exitCode, error) = await RunKioskAsync(("Kiosk__Sip2__HeartbeatInterval", "00:00:00"));

        Assert.Equal(78, exitCode);
        Assert.Contains("Kiosk:Sip2:HeartbeatInterval: It must be between 00:00:01 and 01:00:00.", error, StringComparison.Ordinal);
        Assert.Contains("Kiosk__Sip2__HeartbeatInterval", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_is_not_a_duration_is_named_with_an_example_of_one()
    {
        var (exitCode, error) = await RunKioskAsync(("Kiosk__Sip2__RequestTimeout", "ten seconds"));

        Assert.Equal(78, exitCode);
        Assert.Contains("Kiosk:Sip2:RequestTimeout: 'ten seconds' is not a valid duration (write hh:mm:ss", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_that_is_not_about_configuration_is_left_alone()
    {
        Assert.False(ConfigurationErrorReport.TryDescribe(new IOException("disk full"), out var report));
        Assert.Empty(report);
    }

    [Theory]
    [InlineData("Kiosk:Urls", "--Kiosk:Urls=http://127.0.0.1:99999")]
    [InlineData("Kiosk:Events:Commands:Secret", "--Kiosk:Events:Commands:Secret=too-short")]
    [InlineData("Kiosk:Printer:Profile", "--Kiosk:Printer:Profile=/nonexistent/kiosk-printer.json")]
    [InlineData("Kiosk:Staff:AccessCode", "--Kiosk:Staff:AccessCode=0000")]
    [InlineData("Kiosk:Sip2:Charset", "--Kiosk:Sip2:Charset=klingon")]
    [InlineData("Kiosk:Rfid:ProfileDirectory", "--Kiosk:Rfid:ProfileDirectory=/nonexistent/kiosk-readers")]
    [InlineData("Kiosk:Sip2:PoolGrowRetryInterval", "--Kiosk:Sip2:PoolGrowRetryInterval=00:00:05")]
    public async Task A_mistake_on_a_real_kiosk_stops_it_with_one_line_naming_the_key(string key, string setting)
    {
        var (exitCode, output, error) = await RunAsync(RealRun(setting));

        AssertStoppedNaming(key, exitCode, output, error);
    }

    [Theory]
    [InlineData("Kiosk:Sip2:Port", "--Kiosk:Sip2:Port=70000")]
    [InlineData("Kiosk:Sip2:Charset", "--Kiosk:Sip2:Charset=klingon")]
    [InlineData("Kiosk:Rfid:ProfileDirectory", "--Kiosk:Rfid:ProfileDirectory=/nonexistent/kiosk-readers")]
    [InlineData("Kiosk:Printer:Profile", "--Kiosk:Printer:Profile=/nonexistent/kiosk-printer.json")]
    [InlineData("Kiosk:Simulators:IlsCharset", "--Kiosk:Simulators:IlsCharset=klingon")]
    public async Task A_mistake_in_a_setting_the_simulated_run_replaces_stops_it_all_the_same(string key, string setting)
    {
        var (exitCode, output, error) = await RunAsync(SimulatedRun(setting));

        AssertStoppedNaming(key, exitCode, output, error);
    }

    [Fact]
    public async Task A_reader_profile_that_is_not_json_is_named_under_the_reader_folder_key()
    {
        var folder = Directory.CreateTempSubdirectory("kiosk-bad-readers-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "pad.json"), """{ "name": "pad", """);

            var (exitCode, output, error) = await RunAsync(RealRun($"--Kiosk:Rfid:ProfileDirectory={folder}", "--Kiosk:Staff:AccessCode=4821"));

            AssertStoppedNaming("Kiosk:Rfid:ProfileDirectory", exitCode, output, error);
            Assert.Contains("pad.json is not valid JSON", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_screen_port_another_program_holds_is_named_as_taken()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)other.LocalEndpoint).Port}";

        var (exitCode, output, error) = await RunAsync(RealRun($"--Kiosk:Urls={address}"));

        AssertStoppedNaming("Kiosk:Urls", exitCode, output, error);
        Assert.Contains($"{address} is taken by another program; pick another port", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_simulated_run_names_the_database_path_it_replaces_and_why()
    {
        var start = KioskHost.ProcessStart(SimulatedRun($"--Kiosk:Storage:DatabasePath={Path.Combine(Path.GetTempPath(), "kiosk-never-used.db")}"));
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var said = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.Contains("is overridden in the simulated run", StringComparison.Ordinal) && line.Contains("Kiosk:Storage:DatabasePath", StringComparison.Ordinal))
                {
                    said.TrySetResult(line);
                }
            }

            said.TrySetException(new InvalidOperationException("The kiosk stopped without naming Kiosk:Storage:DatabasePath as overridden: " + await error));
        });
        try
        {
            var line = await said.Task.WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Contains("starts afresh each run", line, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await output;
        }
    }

    [Fact]
    public void Only_a_configuration_mistake_is_left_out_of_the_log_and_only_while_the_kiosk_starts()
    {
        var recorded = new RecordingLoggerProvider();
        var lifetime = new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance);
        using var factory = new StartupConfigurationErrorLoggerFactory(new LoggerFactory([recorded]), () => lifetime);
        var logger = factory.CreateLogger("Microsoft.Extensions.Hosting.Internal.Host");
        var mistake = new Microsoft.Extensions.Options.OptionsValidationException(
            "Kiosk", typeof(KioskOptions), ["Kiosk:Urls: 'http://127.0.0.1:99999' is not an address the kiosk can serve on"]);
        var crash = new IOException("disk full");

        LogError(logger, mistake, "Hosting failed to start");
        LogError(logger, crash, "Hosting failed to start");
        lifetime.NotifyStarted();
        LogError(logger, mistake, "A reload failed");

        Assert.Collection(
            recorded.Records,
            record => Assert.Same(crash, record.Exception),
            record => Assert.Equal("A reload failed", record.Message));
    }

    private static void LogError(ILogger logger, Exception exception, string message) =>
        logger.Log(LogLevel.Error, default, message, exception, (text, _) => text);

    private static void AssertStoppedNaming(string key, int exitCode, string output, string error)
    {
        Assert.True(exitCode == 78, $"Exit code {exitCode}, not 78 (EX_CONFIG). Error: {error}");
        Assert.Contains($"  - {key}", error, StringComparison.Ordinal);
        AssertNoStackTrace(output, error);
    }

    private static void AssertNoStackTrace(string output, string error)
    {
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    // Nothing may listen or write where a real kiosk would, should the check not stop it.
    private static string[] RealRun(params string[] settings) =>
        ["--Kiosk:Urls=http://127.0.0.1:0", "--Kiosk:Simulators:Enabled=false", $"--Kiosk:Events:Outbox:Path={TemporaryOutbox()}", .. settings];

    private static string[] SimulatedRun(params string[] settings) =>
        ["--Kiosk:Urls=http://127.0.0.1:0", "--Kiosk:Simulators:Enabled=true", "--Kiosk:Simulators:IlsPort=0", .. settings];

    private static string TemporaryOutbox() => Path.Combine(Path.GetTempPath(), $"kiosk-config-test-events-{Guid.NewGuid():N}.db");

    private static async Task<(int ExitCode, string Error)> RunKioskAsync(params (string Name, string Value)[] environment)
    {
        var (exitCode, output, error) = await RunAsync(RealRun(), environment);
        AssertNoStackTrace(output, error);
        return (exitCode, error);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] arguments, params (string Name, string Value)[] environment)
    {
        var start = KioskHost.ProcessStart(arguments);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The kiosk did not stop on a bad setting within 60 s; it should refuse to start. Output: " + await output);
        }

        return (process.ExitCode, await output, await error);
    }
}
