using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Globalization;
using System.Text;

namespace Kiosk.Events.Tests.Support;

/// <summary>
/// A real mosquitto (from apt) on a free loopback port, with its own config, password file and persistence folder.
/// With <c>secure</c> it asks a password and speaks only TLS with a throwaway CA. It can be stopped and started again
/// on the same port, keeping its persisted sessions, to play a broker outage.
/// </summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    public const string Username = "kiosk-01";
    public const string Password = "correct horse battery staple";
    private const string Executable = "/usr/sbin/mosquitto";

    private readonly string _directory;
    private readonly string _configPath;
    private readonly StringBuilder _log = new();
    private Process? _process;

    private MosquittoBroker(string directory, int port, bool secure, TestCertificates? certificates)
    {
        _directory = directory;
        Port = port;
        Secure = secure;
        Certificates = certificates;
        _configPath = Path.Combine(directory, "mosquitto.conf");
    }

    public int Port { get; }

    public bool Secure { get; }

    public TestCertificates? Certificates { get; }

    /// <summary>What mosquitto wrote, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<MosquittoBroker> StartAsync(bool secure, bool requireClientCertificate = false)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing; install it with `apt-get install mosquitto` (./test.sh does).");
        }

        var directory = Directory.CreateTempSubdirectory("kiosk-mosquitto-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "data"));
        var certificates = secure ? TestCertificates.Create(directory) : null;
        var broker = new MosquittoBroker(directory, FreePort(), secure, certificates);
        var config = new StringBuilder()
            .AppendLine("per_listener_settings false")
            // Started as root (CI containers), mosquitto would drop to the "mosquitto" user, who cannot read this private folder.
            .AppendLine(Environment.UserName == "root" ? "user root" : "")
            .AppendLine("persistence true")
            .AppendLine(CultureInfo.InvariantCulture, $"persistence_location {Path.Combine(directory, "data")}/")
            .AppendLine("log_dest stderr")
            .AppendLine("log_type error")
            .AppendLine("log_type warning")
            .AppendLine("max_inflight_messages 0")
            .AppendLine("max_queued_messages 0")
            .AppendLine(CultureInfo.InvariantCulture, $"listener {broker.Port} 127.0.0.1");
        if (secure)
        {
            var passwordFile = Path.Combine(directory, "passwd");
            await RunAsync("/usr/bin/mosquitto_passwd", "-b", "-c", passwordFile, Username, Password);
            config.AppendLine("allow_anonymous false")
                .AppendLine(CultureInfo.InvariantCulture, $"password_file {passwordFile}")
                .AppendLine(CultureInfo.InvariantCulture, $"cafile {certificates!.CaPath}")
                .AppendLine(CultureInfo.InvariantCulture, $"certfile {certificates.ServerCertificatePath}")
                .AppendLine(CultureInfo.InvariantCulture, $"keyfile {certificates.ServerKeyPath}")
                .AppendLine(requireClientCertificate ? "require_certificate true" : "");
        }
        else
        {
            config.AppendLine("allow_anonymous true");
        }

        await File.WriteAllTextAsync(broker._configPath, config.ToString());
        try
        {
            await broker.StartAgainAsync();
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }

        return broker;
    }

    /// <summary>Starts (or restarts) mosquitto and returns once its port accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(Executable, ["-c", _configPath]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        _process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start.");
        _process.ErrorDataReceived += (_, line) => { lock (_log) { _log.AppendLine(line.Data); } };
        _process.OutputDataReceived += (_, line) => { lock (_log) { _log.AppendLine(line.Data); } };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited at start ({_process.ExitCode}): {Log}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Yield();
            }
        }
    }

    /// <summary>
    /// Has mosquitto write its persistence file now (SIGUSR1, mosquitto(8) "Signals"), so that its sessions outlive a
    /// <see cref="KillAsync"/>, and returns once the file has been written.
    /// </summary>
    public async Task SaveAsync()
    {
        var file = new FileInfo(Path.Combine(_directory, "data", "mosquitto.db"));
        var before = file.Exists ? file.LastWriteTimeUtc : DateTime.MinValue;
        await RunAsync("/bin/kill", "-USR1", _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            file.Refresh();
            if (file.Exists && file.LastWriteTimeUtc != before)
            {
                return;
            }

            // Polls for the file, not a fixed sleep.
            await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
        }
    }

    /// <summary>
    /// Freezes mosquitto with SIGSTOP: its sockets stay open and the kernel still takes what clients send, but nothing is
    /// read or acknowledged, so QoS 1 publishes stay in flight.
    /// </summary>
    public Task FreezeAsync() => RunAsync("/bin/kill", "-STOP", _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Kills mosquitto with SIGKILL, as a crash or power cut would: whatever it had not read is gone.</summary>
    public async Task KillAsync()
    {
        _process!.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Stops mosquitto with SIGTERM, so it saves its persistence file, and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        await RunAsync("/bin/kill", "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (OperationCanceledException)
        {
            _process?.Kill();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false, RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {error}");
        }
    }
}
