using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Kiosk.Events.Broker;
using Kiosk.Events.Commands;
using Kiosk.Events.Hosting;
using Kiosk.Events.Mqtt;
using Kiosk.Events.Tests.Support;
using Kioskctl.Commands;

namespace Kioskctl.Tests;

/// <summary>
/// <c>kioskctl command send</c> against a real broker (the kiosk's embedded MQTTnet server, or mosquitto with TLS and a
/// password) with the kiosk's own events pipeline answering: the real CommandAuthorizer and CommandProcessor.
/// </summary>
public sealed class CommandSendCommandTests : IDisposable
{
    private const string DeviceTopic = "library/hn/tvhn/kiosk-01";
    private const string Secret = "3f9a1c0b7d2e4f6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kioskctl-command-");

    [Fact]
    public async Task Ping_is_answered_over_MQTT_5_and_exits_0_without_printing_the_secret()
    {
        await using var kiosk = await StartKioskAsync();
        var port = await kiosk.Get<EmbeddedBroker>().Started;

        var run = Run("command", "send", "ping", "--broker", $"127.0.0.1:{port}", "--device-topic", DeviceTopic, "--secret-file", SecretFile(Secret), "--timeout", "20s");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains($"ping on {DeviceTopic}: ok", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"pong\s+true", run.Stdout);
        Assert.DoesNotContain(Secret, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_json_the_kiosks_answer_is_printed_as_it_sent_it()
    {
        await using var kiosk = await StartKioskAsync();
        var port = await kiosk.Get<EmbeddedBroker>().Started;

        var run = Run("command", "send", "status", "--broker", $"127.0.0.1:{port}", "--device-topic", DeviceTopic, "--secret-file", SecretFile(Secret), "--role", "monitor", "--json", "--timeout", "20s");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var answer = JsonDocument.Parse(run.Stdout);
        Assert.Equal("ok", answer.RootElement.GetProperty("status").GetString());
        Assert.Equal("status", answer.RootElement.GetProperty("command").GetString());
        Assert.Equal("connected", answer.RootElement.GetProperty("result").GetProperty("link").GetString());
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_the_kiosks_reason_and_exits_2()
    {
        await using var kiosk = await StartKioskAsync();
        var port = await kiosk.Get<EmbeddedBroker>().Started;
        var wrong = new string('7', 64);

        var run = Run("command", "send", "enter-maintenance", "--broker", $"127.0.0.1:{port}", "--device-topic", DeviceTopic, "--secret-file", SecretFile(wrong), "--timeout", "20s");

        Assert.Equal(CommandSendCommand.Refused, run.ExitCode);
        Assert.Contains("refused enter-maintenance (bad-signature)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not match the request under this site's secret", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--secret-file", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_that_may_not_run_the_command_is_refused_and_exits_2()
    {
        var gateTests = 0;
        await using var kiosk = await StartKioskAsync(configure: services => services.AddKioskCommand(CommandNames.GateTest, (_, _) =>
        {
            Interlocked.Increment(ref gateTests);
            return Task.FromResult(CommandResult.Ok());
        }));
        var port = await kiosk.Get<EmbeddedBroker>().Started;

        var run = Run("command", "send", "gate-test", "--broker", $"127.0.0.1:{port}", "--device-topic", DeviceTopic, "--secret-file", SecretFile(Secret), "--role", "monitor", "--timeout", "20s");

        Assert.Equal(CommandSendCommand.Refused, run.ExitCode);
        Assert.Contains("(not-allowed)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Role 'monitor' may not run 'gate-test'", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, gateTests);
    }

    [Fact]
    public async Task A_failing_command_exits_5_with_the_kiosks_message()
    {
        await using var kiosk = await StartKioskAsync(configure: services => services.AddKioskCommand(CommandNames.PrinterTestPage, (_, _) =>
            Task.FromResult(CommandResult.Failed("The printer is out of paper."))));
        var port = await kiosk.Get<EmbeddedBroker>().Started;

        var run = Run("command", "send", "printer-test-page", "--broker", $"127.0.0.1:{port}", "--device-topic", DeviceTopic, "--secret-file", SecretFile(Secret), "--timeout", "20s");

        Assert.Equal(CommandSendCommand.CommandFailed, run.ExitCode);
        Assert.Contains("printer-test-page on library/hn/tvhn/kiosk-01: error", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("out of paper", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_MQTT_3_1_1_through_mosquitto_with_TLS_and_a_password_ping_is_answered_and_a_wrong_secret_refused()
    {
        await using var broker = await MosquittoBroker.StartAsync(secure: true);
        var settings = new Dictionary<string, string?>
        {
            ["Kiosk:Events:Mqtt:Host"] = "127.0.0.1",
            ["Kiosk:Events:Mqtt:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["Kiosk:Events:Mqtt:ProtocolVersion"] = "3.1.1",
            ["Kiosk:Events:Mqtt:UseTls"] = "true",
            ["Kiosk:Events:Mqtt:TlsServerName"] = "localhost",
            ["Kiosk:Events:Mqtt:TlsCaCertificatePath"] = broker.Certificates!.CaPath,
            ["Kiosk:Events:Mqtt:Username"] = MosquittoBroker.Username,
            ["Kiosk:Events:Mqtt:Password"] = MosquittoBroker.Password,
        };
        await using var kiosk = await StartKioskAsync(settings, embedded: false);
        var passwordFile = Path.Combine(_directory.FullName, "mqtt-password");
        await File.WriteAllTextAsync(passwordFile, MosquittoBroker.Password + "\n");
        string[] Common(string secretFile) =>
        [
            "--broker", $"127.0.0.1:{broker.Port}", "--device-topic", DeviceTopic, "--secret-file", secretFile, "--mqtt", "3.1.1",
            "--tls", "--tls-ca", broker.Certificates.CaPath, "--tls-server-name", "localhost",
            "--username", MosquittoBroker.Username, "--password-file", passwordFile, "--timeout", "20s",
        ];

        var ping = Run(["command", "send", "ping", .. Common(SecretFile(Secret))]);
        var forged = Run(["command", "send", "leave-maintenance", .. Common(SecretFile(new string('7', 64)))]);
        var forgedJson = Run(["command", "send", "leave-maintenance", "--json", .. Common(SecretFile(new string('7', 64)))]);

        Assert.True(ping.ExitCode == 0, ping.Stderr + broker.Log);
        Assert.Matches(@"pong\s+true", ping.Stdout);
        Assert.Equal(CommandSendCommand.Refused, forged.ExitCode);
        Assert.Contains("(bad-signature)", forged.Stderr, StringComparison.Ordinal);

        // The refusal of an unverified request still echoes its correlation id, so on 3.1.1 it is matched like any answer.
        Assert.Equal(CommandSendCommand.Refused, forgedJson.ExitCode);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(forgedJson.Stdout, "\"correlationId\"\\s*:\\s*\"[0-9a-f]{32}\""), forgedJson.Stdout);
        Assert.DoesNotContain(MosquittoBroker.Password, ping.Stdout + ping.Stderr + forged.Stdout + forged.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_kiosk_on_the_broker_it_exits_4_and_says_what_to_check()
    {
        await using var broker = await MosquittoBroker.StartAsync(secure: false);

        var run = Run("command", "send", "ping", "--broker", $"127.0.0.1:{broker.Port}", "--device-topic", DeviceTopic, "--secret-file", SecretFile(Secret), "--timeout", "1s");

        Assert.Equal(CommandSendCommand.NoReply, run.ExitCode);
        Assert.Contains($"No reply within 1 s from {DeviceTopic}/commands/ping: is the kiosk online?", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{DeviceTopic}/status", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_broker_exits_3_naming_it()
    {
        var port = FreePort();

        var run = Run("command", "send", "ping", "--broker", $"127.0.0.1:{port}", "--device-topic", DeviceTopic, "--secret-file", SecretFile(Secret), "--timeout", "5s");

        Assert.Equal(CommandSendCommand.BrokerFailed, run.ExitCode);
        Assert.Contains($"127.0.0.1:{port} could not be reached", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_too_short_to_be_a_sites_is_refused_before_anything_is_sent()
    {
        var run = Run("command", "send", "ping", "--broker", "127.0.0.1:1", "--device-topic", DeviceTopic, "--secret-file", SecretFile("short-one"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The command secret is 9 characters", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("short-one", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_topic_that_is_not_four_levels_is_refused_with_an_example()
    {
        var run = Run("command", "send", "ping", "--broker", "127.0.0.1", "--device-topic", "library/kiosk-01", "--secret-file", SecretFile(Secret));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("such as library/hn/tvhn/kiosk-01", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(true);

    private static async Task<EventsHost> StartKioskAsync(Dictionary<string, string?>? settings = null, bool embedded = true, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null)
    {
        var all = new Dictionary<string, string?> { ["Kiosk:Events:Commands:Secret"] = Secret };
        if (embedded)
        {
            all["Kiosk:EmbeddedBroker:Enabled"] = "true";
            all["Kiosk:EmbeddedBroker:Port"] = "0";
        }

        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var kiosk = await EventsHost.StartAsync(all, configure);
        using var timeout = new CancellationTokenSource(s_wait);
        while (kiosk.Get<KioskEventsStatus>().State != BrokerLinkState.Connected)
        {
            // Polls a condition, not a fixed sleep: the kiosk has subscribed to its commands once it says connected.
            await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
        }

        return kiosk;
    }

    private string SecretFile(string secret)
    {
        var path = Path.Combine(_directory.FullName, Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, secret + "\n");
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = KioskctlApp.Run(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
