namespace Kiosk.Circulation.DomainEvents;

/// <summary>
/// A book was lifted off the pad after the ILS lent it but before its security was switched off. The patron is asked to
/// put it back; the switch completes when it returns. If the session ends first and the book is still on the
/// pad, the loan is undone; if it is gone, the loan stands (the ILS holds it, so the gate alarming is correct) and staff are told.
/// </summary>
/// <param name="SessionId">The session.</param>
/// <param name="ItemId">The item.</param>
/// <param name="At">When.</param>
public sealed record ItemRemovedBeforeSwitch(Guid SessionId, string ItemId, DateTimeOffset At) : CirculationEvent(At);
