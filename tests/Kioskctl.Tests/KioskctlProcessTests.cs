using System.Diagnostics;
using System.Text.Json;

namespace Kioskctl.Tests;

/// <summary>Runs the built kioskctl as a separate process, as a technician would.</summary>
public sealed class KioskctlProcessTests
{
    [Fact]
    public async Task Built_binary_decodes_a_message_and_exits_0()
    {
        // The test project references Kioskctl, so its build output (kioskctl.dll and runtimeconfig) sits beside the tests.
        var assembly = Path.Combine(AppContext.BaseDirectory, "kioskctl.dll");
        Assert.True(File.Exists(assembly), $"expected the built CLI at {assembly}");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[assembly, "decode", "sip2", "--json", "941AY1AZFDFC\\r"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(string.Empty, await stderr);
        Assert.Equal(0, process.ExitCode);
        using var json = JsonDocument.Parse(await stdout);
        Assert.Equal("94", json.RootElement.GetProperty("command").GetString());
        Assert.True(json.RootElement.GetProperty("checksumValid").GetBoolean());
    }

    [Fact]
    public async Task Built_binary_exits_1_on_a_bad_checksum()
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "kioskctl.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[assembly, "decode", "sip2", "97AZFEF6"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("FEF5", await stderr, StringComparison.Ordinal);
        Assert.Contains("97 Request ACS Resend", await stdout, StringComparison.Ordinal);
    }
}
