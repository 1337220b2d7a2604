namespace Kiosk.Events.Model;

/// <summary>Staff dealt with an off-line transaction the ILS refused on replay; it has left the kiosk's staff list.</summary>
/// <param name="TransactionId">The stored transaction, as in <see cref="OfflineTransactionConflictData"/>.</param>
/// <param name="Operation">What it was.</param>
/// <param name="ItemId">The item.</param>
/// <param name="Reason">The conflict that was dealt with, as a short code.</param>
public sealed record OfflineConflictResolvedData(
    string TransactionId,
    TransactionOperation Operation,
    string ItemId,
    string? Reason) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.OfflineConflictResolved;
}
