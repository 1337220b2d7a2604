using System.Diagnostics;

using KioskController.Hosting;

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

    private static async Task<(int ExitCode, string Error)> RunKioskAsync(params (string Name, string Value)[] environment)
    {
        // Nothing may listen or write where a real kiosk would, should the check not stop it.
        var start = KioskHost.ProcessStart("--Kiosk:Urls=http://127.0.0.1:0", "--Kiosk:Simulators:Enabled=false");
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

        return (process.ExitCode, await error);
    }
}
