using System.Text;
using System.Text.Json;
using Kiosk.Events.Commands;
using Kiosk.Events.Hosting;
using Kiosk.Events.Model;
using Kiosk.Events.Mqtt;
using Kiosk.Events.Outbox;
using Kiosk.Events.Tests.Commands;
using Kiosk.Events.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace Kiosk.Events.Tests.Mqtt;

/// <summary>The whole pipeline against the in-process MQTTnet broker, as in the default run.</summary>
public sealed class EmbeddedBrokerTests
{
    private const string Base = "library/hn/tvhn/kiosk-01";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Events_arrive_in_order_and_the_status_topic_says_online()
    {
        await using var kiosk = await StartKioskAsync();
        var port = await kiosk.Get<Kiosk.Events.Broker.EmbeddedBroker>().Started;
        // Subscribe only once the retained status is stored: MQTTnet.Server reads retained messages before it adds a
        // subscription, so a retained publish landing in between reaches neither (seen once on a starved machine).
        await WaitUntilAsync(() => kiosk.Get<KioskEventsStatus>().State == BrokerLinkState.Connected);
        await using var central = await TestSubscriber.ConnectAsync(port, Base + "/#");
        var outbox = kiosk.Get<IEventOutbox>();

        for (var number = 0; number < 300; number++)
        {
            await outbox.AppendAsync(new ItemReturnedData(null, $"TV{number:D4}", null, null));
        }

        var received = await central.WaitForAsync(messages => Returns(messages).Count() == 300 && messages.Any(IsOnline), s_wait);
        Assert.Equal(Enumerable.Range(0, 300).Select(number => $"TV{number:D4}"), Returns(received).Select(ItemId));
        var sequences = Returns(received).Select(Sequence).ToArray();
        Assert.Equal(sequences.Order(), sequences);
        var first = Returns(received).First();
        Assert.Equal("application/cloudevents+json", first.ContentType);
        await WaitUntilAsync(() => outbox.Status.Count == 0);
    }

    [Fact]
    public async Task Read_outbox_first_the_status_never_shows_fewer_events_than_were_appended()
    {
        await using var kiosk = await StartKioskAsync();
        var status = kiosk.Get<KioskEventsStatus>();
        var outbox = kiosk.Get<IEventOutbox>();
        await WaitUntilAsync(() => status.State == BrokerLinkState.Connected && outbox.Status.Count == 0);
        var start = status.Published;
        var appended = 0L;
        var lowest = long.MaxValue;
        using var done = new CancellationTokenSource();

        // A reader as the technician's status page reads: the outbox, then the published count. An event counted only
        // after it left the outbox would, read here in between, be neither, and the sum would fall below what was appended.
        var reader = Task.Run(() =>
        {
            var reads = 0L;
            while (!done.IsCancellationRequested || reads == 0)
            {
                var before = Interlocked.Read(ref appended);
                var waiting = outbox.Status.Count;
                var published = status.Published - start;
                lowest = Math.Min(lowest, waiting + published - before);
                reads++;
                Thread.Yield();
            }

            return reads;
        });
        for (var number = 0; number < 1000; number++)
        {
            await outbox.AppendAsync(new ItemReturnedData(null, $"TV{number:D4}", null, null));
            Interlocked.Increment(ref appended);
        }

        await WaitUntilAsync(() => outbox.Status.Count == 0);
        await done.CancelAsync();
        var reads = await reader;

        Assert.True(lowest >= 0, $"a status read saw {-lowest} events neither waiting nor published ({reads} reads)");
        Assert.True(status.Published - start >= 1000);
    }

    [Fact]
    public async Task Ping_is_answered_on_the_MQTT_5_response_topic_with_the_correlation_data()
    {
        await using var kiosk = await StartKioskAsync();
        var port = await kiosk.Get<Kiosk.Events.Broker.EmbeddedBroker>().Started;
        await using var central = await TestSubscriber.ConnectAsync(port, "central/replies/#");
        await WaitUntilAsync(() => kiosk.Get<KioskEventsStatus>().State == BrokerLinkState.Connected);
        var correlation = Guid.NewGuid().ToByteArray();

        await central.Client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(Base + "/commands/ping")
            .WithPayload(Signed("ping", "monitor"))
            .WithResponseTopic("central/replies/1")
            .WithCorrelationData(correlation)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

        var reply = (await central.WaitForAsync(messages => messages.Count > 0, s_wait))[0];
        Assert.Equal(correlation, reply.CorrelationData);
        using var body = JsonDocument.Parse(TestSubscriber.Text(reply));
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.True(body.RootElement.GetProperty("result").GetProperty("pong").GetBoolean());
    }

    [Fact]
    public async Task An_unauthorised_command_is_refused_with_its_reason_runs_nothing_and_raises_an_event()
    {
        var gateTests = 0;
        await using var kiosk = await StartKioskAsync(services => services.AddKioskCommand(CommandNames.GateTest, (_, _) =>
        {
            Interlocked.Increment(ref gateTests);
            return Task.FromResult(CommandResult.Ok());
        }));
        var port = await kiosk.Get<Kiosk.Events.Broker.EmbeddedBroker>().Started;
        await using var central = await TestSubscriber.ConnectAsync(port, "#");
        await WaitUntilAsync(() => kiosk.Get<KioskEventsStatus>().State == BrokerLinkState.Connected);

        await central.Client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(Base + "/commands/gate-test")
            .WithPayload(Signed("gate-test", "monitor"))
            .WithResponseTopic("central/replies/2")
            .Build());

        var received = await central.WaitForAsync(
            messages => messages.Any(m => m.Topic == "central/replies/2") && messages.Any(m => m.Topic.EndsWith("/events/command.refused", StringComparison.Ordinal)), s_wait);
        using var reply = JsonDocument.Parse(TestSubscriber.Text(received.First(m => m.Topic == "central/replies/2")));
        Assert.Equal("refused", reply.RootElement.GetProperty("status").GetString());
        Assert.Equal("not-allowed", reply.RootElement.GetProperty("code").GetString());
        Assert.Contains("monitor", reply.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, gateTests);
        using var refusal = JsonDocument.Parse(TestSubscriber.Text(received.First(m => m.Topic.EndsWith("/events/command.refused", StringComparison.Ordinal))));
        Assert.Equal("gate-test", refusal.RootElement.GetProperty("data").GetProperty("command").GetString());
    }

    [Fact]
    public async Task A_malformed_command_gets_a_clear_error_on_the_MQTT_3_1_1_reply_topic_and_the_kiosk_keeps_working()
    {
        await using var kiosk = await StartKioskAsync(settings: new() { ["Kiosk:Events:Mqtt:ProtocolVersion"] = "3.1.1" });
        var port = await kiosk.Get<Kiosk.Events.Broker.EmbeddedBroker>().Started;
        await using var central = await TestSubscriber.ConnectAsync(port, Base + "/#");
        await WaitUntilAsync(() => kiosk.Get<KioskEventsStatus>().State == BrokerLinkState.Connected);

        await central.Client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(Base + "/commands/status").WithPayload("{not json").Build());
        await central.Client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(Base + "/commands/status").WithPayload(Signed("status", "monitor")).Build());

        var received = await central.WaitForAsync(messages => messages.Count(m => m.Topic == Base + "/replies/status") == 2, s_wait);
        var replies = received.Where(m => m.Topic == Base + "/replies/status").Select(m => JsonDocument.Parse(TestSubscriber.Text(m)).RootElement).ToArray();
        Assert.Equal("malformed", replies[0].GetProperty("code").GetString());
        Assert.Contains("not JSON", replies[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("ok", replies[1].GetProperty("status").GetString());
        Assert.Equal("connected", replies[1].GetProperty("result").GetProperty("link").GetString());
    }

    [Fact]
    public async Task The_kiosk_stopping_leaves_offline_on_its_retained_status_topic()
    {
        var kiosk = await StartKioskAsync();
        var port = await kiosk.Get<Kiosk.Events.Broker.EmbeddedBroker>().Started;
        await WaitUntilAsync(() => kiosk.Get<KioskEventsStatus>().State == BrokerLinkState.Connected);
        await using (var central = await TestSubscriber.ConnectAsync(port, Base + "/status"))
        {
            try
            {
                await central.WaitForAsync(messages => messages.Any(IsOnline), s_wait);
            }
            catch (TimeoutException timeout)
            {
                var status = kiosk.Get<KioskEventsStatus>();
                throw new TimeoutException($"{timeout.Message} Kiosk link: {status.State} to {status.Endpoint}, last error {status.LastError}, published {status.Published}.", timeout);
            }

            await kiosk.Get<EventPublisher>().StopAsync(CancellationToken.None);

            await central.WaitForAsync(messages => messages.Count > 0 && TestSubscriber.Text(messages[^1]) == "offline", s_wait);
        }

        await kiosk.DisposeAsync();
    }

    internal static byte[] Signed(string command, string role) =>
        CommandSigner.CreatePayload(CommandAuthorizerTests.Secret, new { command, device = "kiosk-01", role, issuedAt = DateTimeOffset.UtcNow, nonce = Guid.NewGuid().ToString("N") });

    internal static IEnumerable<MqttApplicationMessage> Returns(IEnumerable<MqttApplicationMessage> messages) =>
        messages.Where(message => message.Topic.EndsWith("/events/item.returned", StringComparison.Ordinal) || message.Topic.EndsWith("/events/item.checked-out", StringComparison.Ordinal));

    internal static string ItemId(MqttApplicationMessage message) =>
        JsonDocument.Parse(TestSubscriber.Text(message)).RootElement.GetProperty("data").GetProperty("itemId").GetString()!;

    internal static long Sequence(MqttApplicationMessage message) =>
        long.Parse(JsonDocument.Parse(TestSubscriber.Text(message)).RootElement.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    internal static bool IsOnline(MqttApplicationMessage message) => message.Topic.EndsWith("/status", StringComparison.Ordinal) && TestSubscriber.Text(message) == "online";

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(s_wait);
        while (!condition())
        {
            // Polls a condition, not a fixed sleep: it returns as soon as the state is reached.
            await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
        }
    }

    private static Task<EventsHost> StartKioskAsync(Action<IServiceCollection>? configure = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Kiosk:EmbeddedBroker:Enabled"] = "true",
            ["Kiosk:EmbeddedBroker:Port"] = "0",
            ["Kiosk:Events:Commands:Secret"] = CommandAuthorizerTests.Secret,
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return EventsHost.StartAsync(all, configure);
    }
}
