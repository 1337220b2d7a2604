namespace KioskController.Api.Status;

/// <summary>What <c>GET /api/status/events</c> returns; no secret and no patron data.</summary>
/// <param name="Link">connecting, connected or disconnected.</param>
/// <param name="Broker">host:port the kiosk publishes to.</param>
/// <param name="LastError">Why the last connect or publish failed, or null.</param>
/// <param name="Published">Events acknowledged by the broker since start.</param>
/// <param name="OutboxCount">Events waiting in the outbox.</param>
/// <param name="OutboxCapacity">The outbox's bound.</param>
/// <param name="OutboxState">healthy, filling or full.</param>
/// <param name="EmbeddedBroker">The in-process broker, or null when the kiosk uses an external one.</param>
/// <param name="InFlight">Events sent and awaiting the broker's acknowledgement.</param>
/// <param name="RetryInSeconds">While disconnected, the wait chosen before the next attempt; null when connected.</param>
/// <param name="FailedAttempts">Connection attempts and links that failed since start.</param>
public sealed record EventsStatus(
    string Link,
    string Broker,
    string? LastError,
    long Published,
    int OutboxCount,
    int OutboxCapacity,
    string OutboxState,
    EmbeddedBrokerStatus? EmbeddedBroker,
    int InFlight,
    double? RetryInSeconds,
    long FailedAttempts);
