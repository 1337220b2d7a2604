using Kiosk.Circulation.Security;

namespace Kiosk.Circulation.DomainEvents;

/// <summary>At start, an item left mid-way by a crash was brought to agree with the ILS.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Operation">What was under way.</param>
/// <param name="Secured">Whether its tags are now secured (false: the ILS holds it on loan and its security is off).</param>
/// <param name="NeedsStaff">Whether the kiosk could not finish on its own (tag gone, ILS unreachable).</param>
/// <param name="At">When.</param>
public sealed record SecurityRecovered(string ItemId, SecurityOperation Operation, bool Secured, bool NeedsStaff, DateTimeOffset At) : CirculationEvent(At);
