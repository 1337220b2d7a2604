namespace Kiosk.Circulation.Availability;

/// <summary>
/// One transaction taken while the ILS was unreachable, held until it is replayed. An offline loan must carry the
/// patron's card number, because the ILS has to learn who has the book; the queue is local to the kiosk and the number
/// is never logged or put in an event.
/// </summary>
/// <param name="Id">The queue's number for it, rising in the order taken: replay follows it.</param>
/// <param name="Kind">Loan or return.</param>
/// <param name="ItemId">The item's barcode.</param>
/// <param name="PatronIdentifier">For a loan, the card number; null for a return.</param>
/// <param name="At">When it happened at the kiosk, sent to the ILS as the transaction date.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Conflict">Why it needs staff, when <see cref="OfflineTransactionState.Conflict"/>.</param>
/// <param name="Note">The ILS's words, or a note for staff.</param>
public sealed record OfflineTransaction(
    long Id,
    OfflineTransactionKind Kind,
    string ItemId,
    string? PatronIdentifier,
    DateTimeOffset At,
    OfflineTransactionState State,
    OfflineConflictReason? Conflict,
    string? Note);
