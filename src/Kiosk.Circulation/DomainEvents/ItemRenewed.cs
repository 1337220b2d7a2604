namespace Kiosk.Circulation.DomainEvents;

/// <summary>A loan was renewed.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="ItemId">The item.</param>
/// <param name="DueDate">The new due date, when the ILS said.</param>
/// <param name="At">When.</param>
public sealed record ItemRenewed(Guid SessionId, string ItemId, DateTimeOffset? DueDate, DateTimeOffset At) : CirculationEvent(At);
