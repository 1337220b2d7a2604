namespace Kiosk.Events.Model;

/// <summary>A transaction stored offline reached the ILS.</summary>
/// <param name="TransactionId">The stored transaction.</param>
/// <param name="Operation">What it was.</param>
/// <param name="ItemId">The item.</param>
public sealed record OfflineTransactionReplayedData(
    string TransactionId,
    TransactionOperation Operation,
    string ItemId) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.OfflineTransactionReplayed;
}
