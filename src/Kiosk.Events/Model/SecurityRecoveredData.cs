namespace Kiosk.Events.Model;

/// <summary>At start, the security journal brought an item a crash left mid-way to agree with the ILS.</summary>
/// <param name="ItemId">The item's id.</param>
/// <param name="Operation">What was under way when the kiosk stopped.</param>
/// <param name="Secured">Whether the item's security is on now.</param>
/// <param name="NeedsStaff">Whether it could not be settled and is listed for staff.</param>
public sealed record SecurityRecoveredData(
    string ItemId,
    TransactionOperation Operation,
    bool Secured,
    bool NeedsStaff) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.SecurityRecovered;
}
