using Kiosk.Circulation.Availability;

namespace Kiosk.Circulation.DomainEvents;

/// <summary>Staff dealt with an off-line transaction's conflict; it has left the staff list and its card number is forgotten.</summary>
/// <param name="TransactionId">Its queue id.</param>
/// <param name="Kind">Loan or return.</param>
/// <param name="ItemId">The item.</param>
/// <param name="Reason">The conflict that was dealt with.</param>
/// <param name="At">When.</param>
public sealed record OfflineConflictResolved(long TransactionId, OfflineTransactionKind Kind, string ItemId, OfflineConflictReason? Reason, DateTimeOffset At) : CirculationEvent(At);
