using System.Collections.Concurrent;
using Kiosk.Ils.Channels;
using Kiosk.Protocols.Sip2;

namespace Kiosk.Ils.Tests.Support;

/// <summary>
/// An ILS with no socket, standing in as the client's channel factory: it decodes each request the client writes and
/// answers it from a script, echoing the request's sequence number. A script that answers null closes the connection.
/// </summary>
internal sealed class ScriptedIls(Func<Sip2Message, Sip2Message?> script) : ISip2ChannelFactory
{
    private readonly ConcurrentQueue<Sip2Message> _received = new();
    private int _channelsCreated;

    public Sip2CodecOptions Codec { get; } = Sip2CodecOptions.Default;

    /// <summary>Every request the ILS decoded, in order.</summary>
    public IReadOnlyCollection<Sip2Message> Received => _received;

    public int ChannelsCreated => Volatile.Read(ref _channelsCreated);

    /// <summary>When set, every channel fails to connect with this exception, as a refused or unroutable TCP connect would.</summary>
    public Exception? ConnectFailure { get; set; }

    public ISip2Channel Create(Sip2Endpoint endpoint, int connectionId)
    {
        Interlocked.Increment(ref _channelsCreated);
        return new InMemorySip2Channel(this);
    }

    /// <summary>The script's answer to <paramref name="request"/>; null closes the connection.</summary>
    public Sip2Message? Answer(Sip2Message request)
    {
        _received.Enqueue(request);
        return script(request);
    }
}
