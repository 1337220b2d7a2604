using Kiosk.Circulation.Availability;

namespace Kiosk.Circulation.DomainEvents;

/// <summary>A queued offline transaction reached the ILS.</summary>
/// <param name="TransactionId">Its queue id.</param>
/// <param name="Kind">Loan or return.</param>
/// <param name="ItemId">The item.</param>
/// <param name="At">When.</param>
public sealed record OfflineTransactionReplayed(long TransactionId, OfflineTransactionKind Kind, string ItemId, DateTimeOffset At) : CirculationEvent(At);
