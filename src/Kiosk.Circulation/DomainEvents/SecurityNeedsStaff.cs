namespace Kiosk.Circulation.DomainEvents;

/// <summary>
/// A journal entry was finished without agreement the kiosk could reach on its own and is now on the staff list
/// (raised once the entry is written, so a reader of the list sees it).
/// </summary>
/// <param name="EntryId">The journal entry.</param>
/// <param name="ItemId">The item.</param>
/// <param name="At">When.</param>
public sealed record SecurityNeedsStaff(long EntryId, string ItemId, DateTimeOffset At) : CirculationEvent(At);
