namespace Kiosk.Circulation.DomainEvents;

/// <summary>An item was lent and its security switched off.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="ItemId">The item.</param>
/// <param name="DueDate">When it is due, when the ILS said (null offline).</param>
/// <param name="Offline">Whether it was lent while the ILS was unreachable, to be replayed.</param>
/// <param name="At">When.</param>
public sealed record ItemCheckedOut(Guid SessionId, string ItemId, DateTimeOffset? DueDate, bool Offline, DateTimeOffset At) : CirculationEvent(At);
