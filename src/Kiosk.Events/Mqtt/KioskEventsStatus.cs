using Kiosk.Events.Outbox;

namespace Kiosk.Events.Mqtt;

/// <summary>The events link for status pages and health checks: the broker connection and the outbox.</summary>
public sealed class KioskEventsStatus
{
    private readonly IEventOutbox _outbox;
    private volatile string? _lastError;
    private long _published;
    private long _retryDelayTicks;
    private long _failedAttempts;
    private int _inFlight;
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

    /// <summary>Events sent and awaiting the broker's PUBACK.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The wait chosen before the next attempt to reach the broker, while disconnected; zero when connected.</summary>
    public TimeSpan RetryDelay => TimeSpan.FromTicks(Interlocked.Read(ref _retryDelayTicks));

    /// <summary>Connection attempts and links that failed since start.</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    /// <summary>The outbox.</summary>
    public OutboxStatus Outbox => _outbox.Status;

    internal void SetConnected()
    {
        _lastError = null;
        Interlocked.Exchange(ref _retryDelayTicks, 0);
        Volatile.Write(ref _state, (int)BrokerLinkState.Connected);
    }

    internal void SetDisconnected(string reason, TimeSpan retryDelay)
    {
        _lastError = reason;
        Interlocked.Exchange(ref _retryDelayTicks, retryDelay.Ticks);
        Interlocked.Increment(ref _failedAttempts);
        Volatile.Write(ref _state, (int)BrokerLinkState.Disconnected);
    }

    internal void AddPublished(int count) => Interlocked.Add(ref _published, count);

    internal void AddInFlight() => Interlocked.Increment(ref _inFlight);

    internal void RemoveInFlight() => Interlocked.Decrement(ref _inFlight);

    internal void ClearInFlight() => Volatile.Write(ref _inFlight, 0);
}
