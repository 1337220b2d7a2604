using System.Buffers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kiosk.Events.Broker;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace KioskController.Tests;

public sealed class KioskEventsTests
{
    [Fact]
    public async Task The_default_run_starts_an_embedded_broker_and_publishes_its_retained_status_and_a_device_status_event()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:EmbeddedBroker:Port=0");
        var port = await kiosk.Services.GetRequiredService<EmbeddedBroker>().Started.WaitAsync(TimeSpan.FromSeconds(60));
        // Subscribe once the kiosk is connected, so its retained status is stored: MQTTnet.Server reads retained messages
        // before adding a subscription, and a retained publish landing in between would reach neither.
        await WaitForEventsStatusAsync(kiosk, s => s.GetProperty("link").GetString() == "connected");
        var received = new List<MqttApplicationMessage>();
        var arrived = new SemaphoreSlim(0);
        using var central = new MqttClientFactory().CreateMqttClient();
        central.ApplicationMessageReceivedAsync += args =>
        {
            lock (received)
            {
                received.Add(args.ApplicationMessage);
            }

            arrived.Release();
            return Task.CompletedTask;
        };
        await central.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).Build());
        await central.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(filter => filter.WithTopic("library/hn/tvhn/kiosk-01/#").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());

        // A cap for a starved CI machine, not a sleep: the loop ends at the first matching message.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!Has(received, "library/hn/tvhn/kiosk-01/status", "online"))
        {
            try
            {
                await arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                var events = await kiosk.Http.GetStringAsync(new Uri("/api/status/events", UriKind.Relative));
                Assert.Fail($"No retained online status within 60 s; {received.Count} messages arrived; /api/status/events: {events}");
            }
        }

        // The device-status event of the connect is published and acknowledged, leaving the outbox empty.
        var status = await WaitForEventsStatusAsync(kiosk, s => s.GetProperty("published").GetInt64() >= 1 && s.GetProperty("outboxCount").GetInt32() == 0);
        Assert.True(status.GetProperty("embeddedBroker").GetProperty("running").GetBoolean());
        Assert.Equal("connected", status.GetProperty("link").GetString());
        Assert.Equal("Healthy", await kiosk.Http.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
    }

    [Fact]
    public async Task A_loan_at_the_kiosk_reaches_the_central_system_in_order_without_the_patron_s_card()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:EmbeddedBroker:Port=0");
        var port = await kiosk.Services.GetRequiredService<EmbeddedBroker>().Started.WaitAsync(TimeSpan.FromSeconds(60));
        await WaitForEventsStatusAsync(kiosk, s => s.GetProperty("link").GetString() == "connected");
        var received = new List<MqttApplicationMessage>();
        using var central = new MqttClientFactory().CreateMqttClient();
        central.ApplicationMessageReceivedAsync += args =>
        {
            lock (received)
            {
                received.Add(args.ApplicationMessage);
            }

            return Task.CompletedTask;
        };
        await central.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).Build());
        await central.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(filter => filter.WithTopic("library/hn/tvhn/kiosk-01/events/#").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());

        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/sign-in", UriKind.Relative), new { card = "BD0001", method = "typed" })).EnsureSuccessStatusCode();
        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/pin", UriKind.Relative), new { pin = "1234" })).EnsureSuccessStatusCode();
        foreach (var item in new[] { "TV0001", "TV0005" })
        {
            (await kiosk.Http.PostAsJsonAsync(new Uri("/sim/api/pad", UriKind.Relative), new { action = "place", item })).EnsureSuccessStatusCode();
        }

        var coordinator = kiosk.Services.GetRequiredService<Kiosk.Circulation.KioskView>();
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (coordinator.Snapshot.Items.Count < 2)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), wait.Token);
            }
        }

        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/borrow", UriKind.Relative), new { lang = "vi" })).EnsureSuccessStatusCode();
        (await kiosk.Http.PostAsync(new Uri("/api/session/end", UriKind.Relative), null)).EnsureSuccessStatusCode();

        string[] expected = ["session.started", "item.checked-out", "item.checked-out", "session.ended"];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        List<(string Type, string Json)> circulation;
        while (true)
        {
            lock (received)
            {
                circulation = [.. received
                    .Select(message => (Type: message.Topic[(message.Topic.IndexOf("/events/", StringComparison.Ordinal) + "/events/".Length)..], Json: Encoding.UTF8.GetString(message.Payload.ToArray())))
                    .Where(message => message.Type.StartsWith("session.", StringComparison.Ordinal) || message.Type.StartsWith("item.", StringComparison.Ordinal))];
            }

            if (circulation.Count >= expected.Length)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }

        Assert.Equal(expected, circulation.Select(message => message.Type));
        Assert.All(circulation, message => Assert.DoesNotContain("BD0001", message.Json, StringComparison.Ordinal));
        using var ended = JsonDocument.Parse(circulation[^1].Json);
        Assert.Equal(2, ended.RootElement.GetProperty("data").GetProperty("itemsCheckedOut").GetInt32());
        using var loan = JsonDocument.Parse(circulation[1].Json);
        Assert.Equal("vn.library.kiosk.item.checked-out", loan.RootElement.GetProperty("type").GetString());
        Assert.Contains(loan.RootElement.GetProperty("data").GetProperty("itemId").GetString(), new[] { "TV0001", "TV0005" });
    }

    [Fact]
    public async Task With_the_broker_cut_from_the_panel_a_loan_s_events_wait_in_the_outbox_and_are_all_delivered_when_it_returns()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:EmbeddedBroker:Port=0");
        await kiosk.Services.GetRequiredService<EmbeddedBroker>().Started.WaitAsync(TimeSpan.FromSeconds(60));
        var before = await WaitForEventsStatusAsync(kiosk, s => s.GetProperty("link").GetString() == "connected" && s.GetProperty("outboxCount").GetInt32() == 0);

        (await kiosk.Http.PostAsync(new Uri("/sim/api/broker", UriKind.Relative), new StringContent("cut"))).EnsureSuccessStatusCode();
        await WaitForEventsStatusAsync(kiosk, s => s.GetProperty("link").GetString() != "connected");
        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/sign-in", UriKind.Relative), new { card = "BD0001", method = "typed" })).EnsureSuccessStatusCode();
        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/pin", UriKind.Relative), new { pin = "1234" })).EnsureSuccessStatusCode();
        (await kiosk.Http.PostAsJsonAsync(new Uri("/sim/api/pad", UriKind.Relative), new { action = "place", item = "TV0001" })).EnsureSuccessStatusCode();
        var coordinator = kiosk.Services.GetRequiredService<Kiosk.Circulation.KioskView>();
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (coordinator.Snapshot.Items.Count == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), wait.Token);
            }
        }

        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/borrow", UriKind.Relative), new { lang = "vi" })).EnsureSuccessStatusCode();
        (await kiosk.Http.PostAsync(new Uri("/api/session/end", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var waiting = await WaitForEventsStatusAsync(kiosk, s => s.GetProperty("outboxCount").GetInt32() >= 3);
        (await kiosk.Http.PostAsync(new Uri("/sim/api/broker", UriKind.Relative), new StringContent("restore"))).EnsureSuccessStatusCode();
        var after = await WaitForEventsStatusAsync(kiosk, s => s.GetProperty("link").GetString() == "connected" && s.GetProperty("outboxCount").GetInt32() == 0);

        // session.started, item.checked-out and session.ended at least, each acknowledged by the broker once it was back.
        Assert.True(after.GetProperty("published").GetInt64() - before.GetProperty("published").GetInt64() >= waiting.GetProperty("outboxCount").GetInt32());
    }

    [Fact]
    public async Task The_ILS_link_and_the_printer_going_down_and_back_reach_the_central_system_as_device_status_events()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:EmbeddedBroker:Port=0", "--Kiosk:Sip2:ReconnectMinDelay=00:00:00.200");
        var port = await kiosk.Services.GetRequiredService<EmbeddedBroker>().Started.WaitAsync(TimeSpan.FromSeconds(60));
        await WaitForEventsStatusAsync(kiosk, s => s.GetProperty("link").GetString() == "connected");
        var statuses = new List<(string Device, string Status, string? Detail)>();
        using var central = new MqttClientFactory().CreateMqttClient();
        central.ApplicationMessageReceivedAsync += args =>
        {
            using var document = JsonDocument.Parse(args.ApplicationMessage.Payload.ToArray());
            var data = document.RootElement.GetProperty("data");
            lock (statuses)
            {
                statuses.Add((
                    data.GetProperty("device").GetString()!.ToLowerInvariant(),
                    data.GetProperty("status").GetString()!.ToLowerInvariant(),
                    data.TryGetProperty("detail", out var detail) ? detail.GetString() : null));
            }

            return Task.CompletedTask;
        };
        await central.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).Build());
        await central.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(filter => filter.WithTopic("library/hn/tvhn/kiosk-01/events/device.status-changed").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());

        async Task ExpectAsync(string device, string status)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                lock (statuses)
                {
                    if (statuses.Count > 0 && statuses.FindLastIndex(s => s.Device == device) is var last and >= 0 && statuses[last].Status == status)
                    {
                        return;
                    }
                }

                try
                {
                    // Polls what the MQTT client thread collects; the token bounds the wait.
                    await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    lock (statuses)
                    {
                        Assert.Fail($"No {device} {status} event within 30 s; seen: {string.Join("; ", statuses)}");
                    }
                }
            }
        }

        (await kiosk.Http.PostAsync(new Uri("/sim/api/ils", UriKind.Relative), new StringContent("cut"))).EnsureSuccessStatusCode();
        await ExpectAsync("ilslink", "offline");
        (await kiosk.Http.PostAsync(new Uri("/sim/api/printer", UriKind.Relative), new StringContent("paper-end"))).EnsureSuccessStatusCode();
        await ExpectAsync("printer", "degraded");
        (await kiosk.Http.PostAsync(new Uri("/sim/api/ils", UriKind.Relative), new StringContent("restore"))).EnsureSuccessStatusCode();
        await ExpectAsync("ilslink", "online");
        (await kiosk.Http.PostAsync(new Uri("/sim/api/printer", UriKind.Relative), new StringContent("ready"))).EnsureSuccessStatusCode();
        await ExpectAsync("printer", "online");

        lock (statuses)
        {
            // Each move once, not once per snapshot: "offline" is published once however many snapshots repeat it.
            Assert.Equal(1, statuses.Count(s => s.Device == "ilslink" && s.Status == "offline"));
            Assert.Contains(statuses, s => s.Device == "printer" && s.Status == "degraded" && !string.IsNullOrEmpty(s.Detail));
        }
    }

    private static bool Has(List<MqttApplicationMessage> received, string topic, string payload)
    {
        lock (received)
        {
            return received.Any(message => message.Topic == topic && Encoding.UTF8.GetString(message.Payload.ToArray()) == payload);
        }
    }

    internal static async Task<JsonElement> WaitForEventsStatusAsync(KioskHost kiosk, Func<JsonElement, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var status = await kiosk.Http.GetFromJsonAsync<JsonElement>(new Uri("/api/status/events", UriKind.Relative), timeout.Token);
            if (condition(status))
            {
                return status;
            }

            // Polls the endpoint until the condition holds; returns as soon as it does.
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
