using System.Threading.Channels;

namespace Kiosk.Devices.Gates;

/// <summary>
/// Fans gate events out to every subscriber, each through its own bounded channel. Publishing never blocks: a
/// subscriber that stops reading loses its oldest events rather than stalling the alarm path or the beam callbacks.
/// </summary>
public sealed class GateEventHub
{
    // An afternoon's worth of passages at a busy gate; a stalled subscriber loses the oldest.
    private const int Capacity = 4096;

    private readonly Lock _gate = new();
    private ChannelWriter<GateEvent>[] _subscribers = [];

    /// <summary>A new subscription that sees every event published from now on. The channel has a single reader.</summary>
    public ChannelReader<GateEvent> Subscribe()
    {
        var channel = Channel.CreateBounded<GateEvent>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            _subscribers = [.. _subscribers, channel.Writer];
        }

        return channel.Reader;
    }

    /// <summary>Hands <paramref name="gateEvent"/> to every subscriber; returns at once.</summary>
    public void Publish(GateEvent gateEvent)
    {
        ArgumentNullException.ThrowIfNull(gateEvent);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.TryWrite(gateEvent);
        }
    }

    /// <summary>Ends every subscription (their readers complete once drained).</summary>
    public void Complete()
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.TryComplete();
            }

            _subscribers = [];
        }
    }
}
