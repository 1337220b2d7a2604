namespace Kiosk.Circulation.DomainEvents;

/// <summary>An item was returned: its security is on, and the ILS has it back (or the return is queued).</summary>
/// <param name="SessionId">The session it was returned in, or null when nobody was signed in (a return needs no card).</param>
/// <param name="ItemId">The item.</param>
/// <param name="Offline">Whether the return is queued for the ILS.</param>
/// <param name="SortBin">Where staff should put it (the ILS's sort bin, such as the hold shelf), when it says.</param>
/// <param name="At">When.</param>
public sealed record ItemReturned(Guid? SessionId, string ItemId, bool Offline, string? SortBin, DateTimeOffset At) : CirculationEvent(At);
