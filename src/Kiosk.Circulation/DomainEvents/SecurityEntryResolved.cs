using Kiosk.Circulation.Security;

namespace Kiosk.Circulation.DomainEvents;

/// <summary>Staff dealt with a security journal entry; it has left the staff list.</summary>
/// <param name="EntryId">The journal entry.</param>
/// <param name="Operation">What was being done to the item.</param>
/// <param name="ItemId">The item.</param>
/// <param name="At">When.</param>
public sealed record SecurityEntryResolved(long EntryId, SecurityOperation Operation, string ItemId, DateTimeOffset At) : CirculationEvent(At);
