namespace Kiosk.Events.Mqtt;

/// <summary>The publisher's link to the broker.</summary>
public enum BrokerLinkState
{
    /// <summary>Not yet tried, or the first attempt is under way.</summary>
    Connecting,

    /// <summary>Connected; events flow.</summary>
    Connected,

    /// <summary>An attempt failed or the link dropped; the supervisor retries with backoff.</summary>
    Disconnected,
}
