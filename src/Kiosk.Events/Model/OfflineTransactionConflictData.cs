namespace Kiosk.Events.Model;

/// <summary>A transaction stored offline was refused by the ILS on replay and needs staff.</summary>
/// <param name="TransactionId">The stored transaction.</param>
/// <param name="Operation">What it was.</param>
/// <param name="ItemId">The item.</param>
/// <param name="Reason">The conflict, as a short code.</param>
public sealed record OfflineTransactionConflictData(
    string TransactionId,
    TransactionOperation Operation,
    string ItemId,
    string Reason) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.OfflineTransactionConflict;
}
