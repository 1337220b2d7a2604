using System.Diagnostics;
using Kiosk.Events.Model;
using Kiosk.Events.Mqtt;
using Kiosk.Events.Outbox;
using Kiosk.Events.Tests.Support;
using static Kiosk.Events.Tests.Mqtt.EmbeddedBrokerTests;

namespace Kiosk.Events.Tests.Mqtt;

/// <summary>The pipeline against a real mosquitto with a password and TLS from a throwaway CA, as a province's broker would run.</summary>
public sealed class MosquittoTests
{
    private const string Base = "library/hn/tvhn/kiosk-01";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("5")]
    [InlineData("3.1.1")]
    public async Task Events_arrive_in_order_over_TLS_with_a_password(string protocolVersion)
    {
        await using var broker = await MosquittoBroker.StartAsync(secure: true);
        await using var central = await TestSubscriber.ConnectAsync(broker.Port, Base + "/events/#", broker);
        var settings = Secure(broker);
        settings["Kiosk:Events:Mqtt:ProtocolVersion"] = protocolVersion;
        await using var kiosk = await EventsHost.StartAsync(settings);
        var outbox = kiosk.Get<IEventOutbox>();

        for (var number = 0; number < 500; number++)
        {
            await outbox.AppendAsync(new ItemCheckedOutData("s1", $"TV{number:D4}", null, null, null));
        }

        var received = await central.WaitForAsync(messages => Returns(messages).Count() >= 500, s_wait);
        Assert.Equal(Enumerable.Range(0, 500).Select(number => $"TV{number:D4}"), Returns(received).Select(ItemId));
        // MQTT 5 carries the content type as a property; MQTT 3.1.1 has none, which shows the version really used.
        Assert.Equal(protocolVersion == "5" ? "application/cloudevents+json" : null, Returns(received).First().ContentType);
    }

    [Fact]
    public async Task Events_committed_while_the_broker_is_down_are_all_delivered_in_order_after_it_restarts()
    {
        await using var broker = await MosquittoBroker.StartAsync(secure: true);
        await using var central = await TestSubscriber.ConnectAsync(broker.Port, Base + "/events/#", broker, clientId: "central-outage");
        await using var kiosk = await EventsHost.StartAsync(Secure(broker));
        var outbox = kiosk.Get<IEventOutbox>();
        var status = kiosk.Get<KioskEventsStatus>();
        for (var number = 0; number < 100; number++)
        {
            await outbox.AppendAsync(new ItemCheckedOutData("s1", $"TV{number:D4}", null, null, null));
        }

        await central.WaitForAsync(messages => Returns(messages).Count() >= 100, s_wait);

        await broker.StopAsync();
        await WaitUntilAsync(() => status.State == BrokerLinkState.Disconnected);
        await WaitUntilAsync(() => status.LastError?.Contains("could not be reached", StringComparison.Ordinal) == true);
        for (var number = 100; number < 300; number++)
        {
            await outbox.AppendAsync(new ItemCheckedOutData("s1", $"TV{number:D4}", null, null, null));
        }

        Assert.True(outbox.Status.Count >= 200, $"the outbox holds the events while the broker is down ({outbox.Status.Count})");
        await broker.StartAgainAsync();
        await central.ReconnectAsync(Base + "/events/#");

        var received = await central.WaitForAsync(messages => Returns(messages).Select(ItemId).Distinct().Count() >= 300, s_wait);
        // QoS 1 may deliver twice across an outage (MQTT 5 §4.3.2); consumers drop duplicates by the CloudEvents id.
        Assert.Equal(Enumerable.Range(0, 300).Select(number => $"TV{number:D4}"), Returns(received).Select(ItemId).Distinct());
        var sequences = Returns(received).Select(Sequence).Distinct().ToArray();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Contains(received, message => message.Topic.EndsWith("/events/device.status-changed", StringComparison.Ordinal)
            && TestSubscriber.Text(message).Contains("\"offline\"", StringComparison.Ordinal));
        await WaitUntilAsync(() => outbox.Status.Count == 0);
    }

    [Fact]
    public async Task Publishes_in_flight_when_the_broker_dies_stay_in_the_outbox_and_all_arrive_after_it_returns()
    {
        await using var broker = await MosquittoBroker.StartAsync(secure: true);
        await using var central = await TestSubscriber.ConnectAsync(broker.Port, Base + "/events/#", broker, clientId: "central-in-flight");
        await using var kiosk = await EventsHost.StartAsync(Secure(broker));
        var outbox = kiosk.Get<IEventOutbox>();
        var status = kiosk.Get<KioskEventsStatus>();
        await WaitUntilAsync(() => status.State == BrokerLinkState.Connected && outbox.Status.Count == 0);

        // The central subscriber's session is saved, so that the restarted broker queues for it what the kiosk sends again
        // before the subscriber is back. Frozen, the broker takes the publishes into its socket and never acknowledges
        // them; killed, it loses them.
        await broker.SaveAsync();
        await broker.FreezeAsync();
        for (var number = 0; number < 200; number++)
        {
            await outbox.AppendAsync(new ItemCheckedOutData("s1", $"TV{number:D4}", null, null, null));
        }

        await WaitUntilAsync(() => status.InFlight > 0);
        Assert.True(outbox.Status.Count >= 200, $"an event leaves the outbox only once the broker acknowledged it ({outbox.Status.Count} left, {status.InFlight} in flight)");
        await broker.KillAsync();
        await broker.StartAgainAsync();
        await central.ReconnectAsync(Base + "/events/#");

        IReadOnlyList<MQTTnet.MqttApplicationMessage> received;
        try
        {
            received = await central.WaitForAsync(messages => Returns(messages).Select(ItemId).Distinct().Count() >= 200, s_wait);
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message} Kiosk: {status.State}, {outbox.Status.Count} in the outbox, {status.InFlight} in flight, {status.Published} published, last error: {status.LastError}", timeout);
        }

        Assert.Equal(Enumerable.Range(0, 200).Select(number => $"TV{number:D4}"), Returns(received).Select(ItemId).Distinct());
        await WaitUntilAsync(() => outbox.Status.Count == 0);
        Assert.Equal(0, status.InFlight);
    }

    [Fact]
    public async Task During_a_long_outage_the_wait_between_attempts_stays_within_the_cap_and_events_flow_once_the_broker_is_back()
    {
        await using var broker = await MosquittoBroker.StartAsync(secure: true);
        await using var central = await TestSubscriber.ConnectAsync(broker.Port, Base + "/events/#", broker, clientId: "central-backoff");
        var settings = Secure(broker);
        settings["Kiosk:Events:Mqtt:ReconnectMinDelay"] = "00:00:00.020";
        settings["Kiosk:Events:Mqtt:ReconnectMaxDelay"] = "00:00:00.160";
        await using var kiosk = await EventsHost.StartAsync(settings);
        var status = kiosk.Get<KioskEventsStatus>();
        await WaitUntilAsync(() => status.State == BrokerLinkState.Connected);

        await broker.StopAsync();
        var waits = new List<TimeSpan>();
        var seen = status.FailedAttempts;
        // Twelve failures double 20 ms far past the cap; each wait the publisher chose is read as it is chosen.
        while (waits.Count < 12)
        {
            await WaitUntilAsync(() => status.FailedAttempts > seen);
            seen = status.FailedAttempts;
            waits.Add(status.RetryDelay);
        }

        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.FromMilliseconds(16), TimeSpan.FromMilliseconds(160)));
        Assert.Contains(waits, wait => wait > TimeSpan.FromMilliseconds(100));

        await broker.StartAgainAsync();
        await central.ReconnectAsync(Base + "/events/#");
        await kiosk.Get<IEventOutbox>().AppendAsync(new ItemCheckedOutData("s1", "TV9999", null, null, null));
        var received = await central.WaitForAsync(messages => Returns(messages).Any(message => ItemId(message) == "TV9999"), s_wait);
        Assert.Contains(Returns(received), message => ItemId(message) == "TV9999");
    }

    [Fact]
    public async Task A_kiosk_process_killed_while_the_broker_is_down_delivers_every_committed_event_after_restart()
    {
        await using var broker = await MosquittoBroker.StartAsync(secure: true);
        await using var central = await TestSubscriber.ConnectAsync(broker.Port, Base + "/events/#", broker, clientId: "central-kill");
        var directory = Directory.CreateTempSubdirectory("kiosk-child-").FullName;
        using var cleanup = new TemporaryFolder(directory);
        await broker.StopAsync();

        using (var first = StartChild(broker, directory, append: 150))
        {
            await first.WaitForLineAsync("appended 150", s_wait);
            first.Process.Kill(entireProcessTree: true);
            await first.Process.WaitForExitAsync();
        }

        await broker.StartAgainAsync();
        await central.ReconnectAsync(Base + "/events/#");
        using var second = StartChild(broker, directory, append: 0);

        var received = await central.WaitForAsync(messages => Returns(messages).Select(ItemId).Distinct().Count() >= 150, s_wait);
        Assert.Equal(Enumerable.Range(1, 150).Select(number => $"{number:D6}"), Returns(received).Select(ItemId).Distinct());

        // Killed while connected, the kiosk cannot say goodbye: the broker publishes its last will on the status topic.
        await using var watcher = await TestSubscriber.ConnectAsync(broker.Port, Base + "/status", broker);
        await watcher.WaitForAsync(messages => messages.Any(message => TestSubscriber.Text(message) == "online"), s_wait);
        second.Process.Kill(entireProcessTree: true);
        await second.Process.WaitForExitAsync();
        await watcher.WaitForAsync(messages => messages.Count > 0 && TestSubscriber.Text(messages[^1]) == "offline", s_wait);
    }

    [Fact]
    public async Task A_command_signed_with_the_wrong_secret_is_refused_through_mosquitto_and_raises_an_event()
    {
        await using var broker = await MosquittoBroker.StartAsync(secure: true);
        await using var central = await TestSubscriber.ConnectAsync(broker.Port, "#", broker);
        var settings = Secure(broker);
        settings["Kiosk:Events:Commands:Secret"] = Commands.CommandAuthorizerTests.Secret;
        await using var kiosk = await EventsHost.StartAsync(settings);
        await WaitUntilAsync(() => kiosk.Get<KioskEventsStatus>().State == BrokerLinkState.Connected);
        var forged = Kiosk.Events.Commands.CommandSigner.CreatePayload("a-guessed-secret-that-is-long-enough-0000",
            new { command = "enter-maintenance", device = "kiosk-01", role = "technician", issuedAt = DateTimeOffset.UtcNow, nonce = Guid.NewGuid().ToString("N") });

        await central.Client.PublishAsync(new MQTTnet.MqttApplicationMessageBuilder()
            .WithTopic(Base + "/commands/enter-maintenance").WithPayload(forged).WithResponseTopic("central/replies/forged").Build());

        var messages = await central.WaitForAsync(
            all => all.Any(m => m.Topic == "central/replies/forged") && all.Any(m => m.Topic.EndsWith("/events/command.refused", StringComparison.Ordinal)), s_wait);
        Assert.Contains("\"bad-signature\"", TestSubscriber.Text(messages.First(m => m.Topic == "central/replies/forged")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_reported_naming_the_keys_to_check()
    {
        await using var broker = await MosquittoBroker.StartAsync(secure: true);
        var settings = Secure(broker);
        settings["Kiosk:Events:Mqtt:Password"] = "wrong";
        await using var kiosk = await EventsHost.StartAsync(settings);
        var status = kiosk.Get<KioskEventsStatus>();

        await WaitUntilAsync(() => status.State == BrokerLinkState.Disconnected);

        Assert.Contains("refused the connection", status.LastError, StringComparison.Ordinal);
        Assert.Contains("Kiosk:Events:Mqtt:Username", status.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", status.LastError!.Replace("wrong-", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_client_on_the_TLS_port_is_told_to_turn_TLS_on()
    {
        await using var broker = await MosquittoBroker.StartAsync(secure: true);
        var settings = Secure(broker);
        settings["Kiosk:Events:Mqtt:UseTls"] = "false";
        settings["Kiosk:Events:Mqtt:Timeout"] = "00:00:02";
        await using var kiosk = await EventsHost.StartAsync(settings);
        var status = kiosk.Get<KioskEventsStatus>();

        await WaitUntilAsync(() => status.State == BrokerLinkState.Disconnected);

        Assert.True(status.LastError!.Contains("Kiosk:Events:Mqtt:UseTls=true", StringComparison.Ordinal), status.LastError);
    }

    [Fact]
    public async Task A_broker_certificate_from_an_untrusted_CA_is_reported_as_a_TLS_failure()
    {
        await using var broker = await MosquittoBroker.StartAsync(secure: true);
        var settings = Secure(broker);
        var otherCa = Directory.CreateTempSubdirectory("kiosk-other-ca-");
        using var cleanup = new TemporaryFolder(otherCa.FullName);
        settings["Kiosk:Events:Mqtt:TlsCaCertificatePath"] = TestCertificates.Create(otherCa.FullName).CaPath;
        await using var kiosk = await EventsHost.StartAsync(settings, directory: otherCa.FullName);
        var status = kiosk.Get<KioskEventsStatus>();

        await WaitUntilAsync(() => status.State == BrokerLinkState.Disconnected);

        Assert.Contains("TLS handshake", status.LastError, StringComparison.Ordinal);
        Assert.Contains("TlsCaCertificatePath", status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broker_that_requires_a_device_certificate_takes_the_kiosks_PEM_certificate_and_a_password_file()
    {
        await using var broker = await MosquittoBroker.StartAsync(secure: true, requireClientCertificate: true);
        var folder = Directory.CreateTempSubdirectory("kiosk-client-cert-");
        using var cleanup = new TemporaryFolder(folder.FullName);
        var passwordFile = Path.Combine(folder.FullName, "mqtt-password");
        await File.WriteAllTextAsync(passwordFile, MosquittoBroker.Password + "\n");
        var settings = Secure(broker);
        settings.Remove("Kiosk:Events:Mqtt:Password");
        settings["Kiosk:Events:Mqtt:PasswordFile"] = passwordFile;
        settings["Kiosk:Events:Mqtt:TlsClientCertificatePath"] = broker.Certificates!.ClientCertificatePath;
        settings["Kiosk:Events:Mqtt:TlsClientKeyPath"] = broker.Certificates.ClientKeyPath;
        await using var kiosk = await EventsHost.StartAsync(settings);

        await WaitUntilAsync(() => kiosk.Get<KioskEventsStatus>().State == BrokerLinkState.Connected);

        var withoutCertificate = Secure(broker);
        await using var refused = await EventsHost.StartAsync(withoutCertificate);
        var status = refused.Get<KioskEventsStatus>();
        await WaitUntilAsync(() => status.State == BrokerLinkState.Disconnected);
        Assert.True(status.LastError!.Contains("Kiosk:Events:Mqtt:TlsClientCertificatePath", StringComparison.Ordinal), status.LastError);
    }

    private static Dictionary<string, string?> Secure(MosquittoBroker broker) => new()
    {
        ["Kiosk:Events:Mqtt:Host"] = "127.0.0.1",
        ["Kiosk:Events:Mqtt:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Kiosk:Events:Mqtt:UseTls"] = "true",
        ["Kiosk:Events:Mqtt:TlsServerName"] = "localhost",
        ["Kiosk:Events:Mqtt:TlsCaCertificatePath"] = broker.Certificates!.CaPath,
        ["Kiosk:Events:Mqtt:Username"] = MosquittoBroker.Username,
        ["Kiosk:Events:Mqtt:Password"] = MosquittoBroker.Password,
    };

    private static ChildPublisher StartChild(MosquittoBroker broker, string directory, int append)
    {
        // The helper sits beside this test assembly's folder: tests/Kiosk.Events.TestPublisher/bin/<configuration>/net10.0.
        var dll = AppContext.BaseDirectory.Replace("Kiosk.Events.Tests", "Kiosk.Events.TestPublisher", StringComparison.Ordinal);
        dll = Path.Combine(dll, "Kiosk.Events.TestPublisher.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add($"--append={append}");
        start.ArgumentList.Add($"--Kiosk:Events:Outbox:Path={Path.Combine(directory, "outbox.db")}");
        start.ArgumentList.Add("--Kiosk:Events:Mqtt:ReconnectMinDelay=00:00:00.050");
        start.ArgumentList.Add("--Kiosk:Events:Mqtt:ReconnectMaxDelay=00:00:00.300");
        foreach (var (key, value) in Secure(broker).Where(setting => setting.Key != "Kiosk:Events:Mqtt:Password"))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        // The password reaches the child the way it reaches a kiosk: through the environment.
        start.Environment["Kiosk__Events__Mqtt__Password"] = MosquittoBroker.Password;
        return new ChildPublisher(Process.Start(start)!);
    }
}
