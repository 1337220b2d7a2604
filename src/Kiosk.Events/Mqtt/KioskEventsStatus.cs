using Kiosk.Events.Outbox;

namespace Kiosk.Events.Mqtt;

/// <summary>The events link for status pages and health checks: the broker connection and the outbox.</summary>
public sealed class KioskEventsStatus
{
    private readonly IEventOutbox _outbox;
    private volatile string? _lastError;
    private long _published;
    private int _state;

    internal KioskEventsStatus(IEventOutbox outbox, string endpoint)
    {
        _outbox = outbox;
        Endpoint = endpoint;
    }

    /// <summary>host:port of the broker.</summary>
    public string Endpoint { get; internal set; }

    /// <summary>The link's state.</summary>
    public BrokerLinkState State => (BrokerLinkState)Volatile.Read(ref _state);

    /// <summary>Why the last connect or publish failed, without secrets; null after a success.</summary>
    public string? LastError => _lastError;

    /// <summary>Events acknowledged by the broker since start.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>The outbox.</summary>
    public OutboxStatus Outbox => _outbox.Status;

    internal void SetConnected()
    {
        _lastError = null;
        Volatile.Write(ref _state, (int)BrokerLinkState.Connected);
    }

    internal void SetDisconnected(string reason)
    {
        _lastError = reason;
        Volatile.Write(ref _state, (int)BrokerLinkState.Disconnected);
    }

    internal void AddPublished(int count) => Interlocked.Add(ref _published, count);
}
