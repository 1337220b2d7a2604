using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KioskController.Tests;

/// <summary>
/// The ILS simulator started as its own process (<c>kiosk-sim ils --port 0</c>) on a port of its choosing, as a library's
/// own ILS would be: the kiosk knows it only by host, port and login.
/// </summary>
internal sealed partial class SeparateIls : IAsyncDisposable
{
    public const string Password = "thu-vien-rieng";
    private readonly Process _process;

    private SeparateIls(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SeparateIls> StartAsync()
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd('/'))!);
        var dll = Path.Combine(KioskHost.RepositoryRoot(), "simulators", "Kiosk.Simulators.Cli", "bin", configuration, "net10.0", "kiosk-sim.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; build the solution first.");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "ils", "--port", "0", "--password-env", "KIOSK_TEST_ILS_PASSWORD" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["KIOSK_TEST_ILS_PASSWORD"] = Password;
        var process = Process.Start(start) ?? throw new InvalidOperationException("kiosk-sim did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();

        // Its summary names the address it listens on: "SIP2 ILS simulator: 127.0.0.1:PORT (…)", among its log lines.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var said = new System.Text.StringBuilder();
        Match? match = null;
        while (match is not { Success: true })
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                throw new InvalidOperationException($"kiosk-sim ils ended without saying where it listens: {said}");
            }

            said.AppendLine(line);
            match = ListeningLine().Match(line);
        }

        // The rest of its output is read and dropped, so a full pipe never blocks it.
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
        return new SeparateIls(process, int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"^SIP2 ILS simulator: [^ ]+:(?<port>\d+) ")]
    private static partial Regex ListeningLine();
}
