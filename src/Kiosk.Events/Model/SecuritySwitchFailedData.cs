namespace Kiosk.Events.Model;

/// <summary>An item's security (AFI or EAS) could not be switched or verified.</summary>
/// <param name="ItemId">The item's id.</param>
/// <param name="Operation">The operation that needed the switch.</param>
/// <param name="Reason">What failed: write, verify, tag-left.</param>
public sealed record SecuritySwitchFailedData(
    string ItemId,
    TransactionOperation Operation,
    string Reason) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.SecuritySwitchFailed;
}
