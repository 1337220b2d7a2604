namespace Kiosk.Circulation.DomainEvents;

/// <summary>The ILS is reachable again; queued transactions are being replayed.</summary>
/// <param name="Duration">How long the kiosk worked off-line.</param>
/// <param name="QueuedTransactions">How many transactions were waiting for the ILS when it came back.</param>
/// <param name="At">When.</param>
public sealed record OfflineLeft(TimeSpan Duration, int QueuedTransactions, DateTimeOffset At) : CirculationEvent(At);
