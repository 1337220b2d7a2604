using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;

namespace KioskController.Api.Live;

/// <summary>
/// Pushes events to every open screen over server-sent events (<c>GET /api/stream</c>). Each subscriber has a small
/// bounded queue that drops its oldest entries, so a stalled browser can never hold up the kiosk; what it missed is
/// made good by the next full snapshot, which is what most events carry.
/// </summary>
internal sealed class LiveUpdates
{
    private const int QueueLength = 64;
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        // Enum values go as camel-case names ("awaitingPin", "pinWrong"): the screen's resource keys.
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly ConcurrentDictionary<long, Channel<LiveEvent>> _subscribers = new();
    private long _nextId;

    /// <summary>How many screens are listening.</summary>
    public int SubscriberCount => _subscribers.Count;

    /// <summary>Sends <paramref name="payload"/> as JSON, under the SSE event name <paramref name="type"/>, to every screen.</summary>
    public void Publish(string type, object payload)
    {
        var live = Create(type, payload);
        foreach (var subscriber in _subscribers.Values)
        {
            subscriber.Writer.TryWrite(live);
        }
    }

    /// <summary>An event carrying <paramref name="payload"/> as camel-case JSON.</summary>
    public static LiveEvent Create(string type, object payload) => new(type, JsonSerializer.Serialize(payload, payload.GetType(), s_json));

    /// <summary>Opens a queue for one screen; dispose the subscription when the screen goes.</summary>
    public Subscription Subscribe()
    {
        var id = Interlocked.Increment(ref _nextId);
        var channel = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _subscribers[id] = channel;
        return new Subscription(channel.Reader, () =>
        {
            if (_subscribers.TryRemove(id, out var removed))
            {
                removed.Writer.TryComplete();
            }
        });
    }

    /// <summary>One screen's queue.</summary>
    internal sealed class Subscription(ChannelReader<LiveEvent> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<LiveEvent> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
