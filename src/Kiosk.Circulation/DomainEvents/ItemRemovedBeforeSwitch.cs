namespace Kiosk.Circulation.DomainEvents;

/// <summary>
/// A book was lifted off the pad after the ILS lent it but before its security was switched off. The patron is asked to
/// put it back; the switch completes when it returns. If the session ends first, the loan is undone.
/// </summary>
/// <param name="SessionId">The session.</param>
/// <param name="ItemId">The item.</param>
/// <param name="At">When.</param>
public sealed record ItemRemovedBeforeSwitch(Guid SessionId, string ItemId, DateTimeOffset At) : CirculationEvent(At);
