using Kiosk.Circulation.Sessions;

namespace Kiosk.Circulation.DomainEvents;

/// <summary>
/// An item could not be lent, returned or renewed. The ILS's own words are not carried here (an ILS may put a name in
/// them); they are in the <see cref="ItemOutcome"/> the screen shows.
/// </summary>
/// <param name="SessionId">The session, or null for a return.</param>
/// <param name="ItemId">The item.</param>
/// <param name="Operation">What was tried.</param>
/// <param name="Reason">Why not, as a code.</param>
/// <param name="At">When.</param>
public sealed record ItemRefused(Guid? SessionId, string ItemId, CirculationOperation Operation, RefusalReason Reason, DateTimeOffset At) : CirculationEvent(At);
