namespace Kiosk.Events.Model;

/// <summary>Staff dealt with an item whose security the kiosk could not settle; it has left the kiosk's staff list.</summary>
/// <param name="EntryId">The kiosk's security journal entry.</param>
/// <param name="ItemId">The item's id.</param>
/// <param name="Operation">What was being done to the item.</param>
public sealed record SecurityResolvedData(
    string EntryId,
    string ItemId,
    TransactionOperation Operation) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.SecurityResolved;
}
