namespace Kiosk.Circulation.Security;

/// <summary>
/// One item's security switching, as the journal holds it. Carries no patron identifier: recovery learns whether the
/// item is on loan from the ILS, not from who borrowed it.
/// </summary>
/// <param name="Id">The journal's number for the entry, rising in the order entries were begun.</param>
/// <param name="Operation">What was being done.</param>
/// <param name="ItemId">The item's barcode (primary item id).</param>
/// <param name="TagUids">The UIDs of every tag of the item that was on the pad (each part of a set has its own).</param>
/// <param name="Step">The last step written.</param>
/// <param name="OfflineTransactionId">For an offline loan or return: its entry in the offline queue, once queued.</param>
/// <param name="Note">Why the entry needs staff, in words; null otherwise.</param>
/// <param name="StartedAt">When the entry was begun.</param>
/// <param name="UpdatedAt">When the step was last written.</param>
public sealed record SecurityJournalEntry(
    long Id,
    SecurityOperation Operation,
    string ItemId,
    IReadOnlyList<string> TagUids,
    SecurityStep Step,
    long? OfflineTransactionId,
    string? Note,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Whether the entry is finished, either way.</summary>
    public bool IsFinished => Step is SecurityStep.Done or SecurityStep.NeedsStaff;
}
