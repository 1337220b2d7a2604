using Kiosk.Circulation.Availability;

namespace Kiosk.Circulation.DomainEvents;

/// <summary>A queued offline transaction met a conflict at the ILS and is listed for staff.</summary>
/// <param name="TransactionId">Its queue id.</param>
/// <param name="Kind">Loan or return.</param>
/// <param name="ItemId">The item.</param>
/// <param name="Reason">The conflict.</param>
/// <param name="At">When.</param>
public sealed record OfflineTransactionConflict(long TransactionId, OfflineTransactionKind Kind, string ItemId, OfflineConflictReason Reason, DateTimeOffset At) : CirculationEvent(At);
