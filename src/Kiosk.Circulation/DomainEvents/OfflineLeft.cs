namespace Kiosk.Circulation.DomainEvents;

/// <summary>The ILS is reachable again; queued transactions are being replayed.</summary>
/// <param name="At">When.</param>
public sealed record OfflineLeft(DateTimeOffset At) : CirculationEvent(At);
