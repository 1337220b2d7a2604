using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kiosk.Events.Broker;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace KioskController.Tests;

/// <summary>
/// What the central system hears of a session and of an outage, through the real host, its outbox and the embedded
/// broker: session.ended counts the returns made in it, and offline.left says how long the kiosk was off-line and how
/// many transactions waited.
/// </summary>
public sealed class CirculationEventMappingTests
{
    [Fact]
    public async Task Session_ended_counts_the_returns_and_offline_left_carries_the_outage_s_length_and_queue()
    {
        await using var kiosk = await KioskHost.StartAsync(
            "--Kiosk:EmbeddedBroker:Port=0", "--Kiosk:Circulation:OfflineProbeInterval=00:00:01", "--Kiosk:Circulation:OfflineLoansAllowed=true",
            "--Kiosk:Circulation:OfflineCardPatterns:0=BD\\d{4}");
        var port = await kiosk.Services.GetRequiredService<EmbeddedBroker>().Started.WaitAsync(TimeSpan.FromSeconds(60));
        using var central = await CentralAsync(port);
        var view = kiosk.Services.GetRequiredService<Kiosk.Circulation.KioskView>();

        // Borrow two books, change one's mind and return both in the same session.
        await PostAsync(kiosk, "/api/session/sign-in", new { card = "BD0001", method = "typed" });
        await PostAsync(kiosk, "/api/session/pin", new { pin = "1234" });
        foreach (var item in new[] { "TV0001", "TV0005" })
        {
            await PostAsync(kiosk, "/sim/api/pad", new { action = "place", item });
        }

        await WaitAsync(() => view.Snapshot.Items.Count(i => i.Title is not null) == 2, "both books to be listed");
        await PostAsync(kiosk, "/api/session/borrow", new { lang = "vi" });
        await PostAsync(kiosk, "/api/session/return", new { lang = "vi" });
        (await kiosk.Http.PostAsync(new Uri("/api/session/end", UriKind.Relative), null)).EnsureSuccessStatusCode();

        var ended = await central.NextAsync("session.ended");
        Assert.Equal(2, ended.GetProperty("itemsCheckedOut").GetInt32());
        Assert.Equal(2, ended.GetProperty("itemsReturned").GetInt32());

        // Cut the ILS, return a book on loan while it is away (queued), and bring it back.
        await PostAsync(kiosk, "/sim/api/pad", new { action = "place", item = "TV0003" });
        await WaitAsync(() => view.Snapshot.Items.Any(i => i.ItemId == "TV0003" && i.Title is not null), "the book on loan to be listed");
        await PostTextAsync(kiosk, "/sim/api/ils", "cut");
        await PostAsync(kiosk, "/api/session/return", new { lang = "vi" });
        await central.NextAsync("offline.entered");
        await PostTextAsync(kiosk, "/sim/api/ils", "restore");

        var left = await central.NextAsync("offline.left");
        Assert.True(TimeSpan.Parse(left.GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > TimeSpan.Zero);
        Assert.True(left.GetProperty("pendingTransactions").GetInt32() >= 1, left.ToString());
    }

    private static async Task PostAsync(KioskHost kiosk, string path, object body) =>
        (await kiosk.Http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body)).EnsureSuccessStatusCode();

    private static async Task PostTextAsync(KioskHost kiosk, string path, string body) =>
        (await kiosk.Http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body))).EnsureSuccessStatusCode();

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            // Polls what the host's own threads make true; bounded by the timeout.
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token).ConfigureAwait(false);
        }

        Assert.True(condition(), what);
    }

    private static async Task<Central> CentralAsync(int port)
    {
        var central = new Central(new MqttClientFactory().CreateMqttClient());
        await central.Client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).Build());
        await central.Client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(filter => filter.WithTopic("library/hn/tvhn/kiosk-01/events/#").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
        return central;
    }

    /// <summary>The province's subscriber: every event the kiosk publishes, by type, as it arrives.</summary>
    private sealed class Central : IDisposable
    {
        private readonly List<(string Type, JsonElement Data)> _received = [];

        public Central(IMqttClient client)
        {
            Client = client;
            client.ApplicationMessageReceivedAsync += args =>
            {
                var topic = args.ApplicationMessage.Topic;
                var type = topic[(topic.IndexOf("/events/", StringComparison.Ordinal) + "/events/".Length)..];
                using var document = JsonDocument.Parse(Encoding.UTF8.GetString(args.ApplicationMessage.Payload));
                lock (_received)
                {
                    _received.Add((type, document.RootElement.GetProperty("data").Clone()));
                }

                return Task.CompletedTask;
            };
        }

        public IMqttClient Client { get; }

        /// <summary>The data of the first event of <paramref name="type"/> not taken yet.</summary>
        public async Task<JsonElement> NextAsync(string type)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                lock (_received)
                {
                    var index = _received.FindIndex(message => message.Type == type);
                    if (index >= 0)
                    {
                        var data = _received[index].Data;
                        _received.RemoveAt(index);
                        return data;
                    }
                }

                // The broker delivers on its own thread; bounded by the timeout.
                await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token).ConfigureAwait(false);
            }
        }

        public void Dispose() => Client.Dispose();
    }
}
