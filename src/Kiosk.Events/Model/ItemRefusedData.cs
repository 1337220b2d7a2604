namespace Kiosk.Events.Model;

/// <summary>A checkout, return or renewal was refused.</summary>
/// <param name="SessionId">The session number, or null.</param>
/// <param name="ItemId">The item's id.</param>
/// <param name="Operation">What was refused.</param>
/// <param name="Reason">Why, as a short code (not the ILS's screen message, which may name the patron).</param>
public sealed record ItemRefusedData(
    string? SessionId,
    string ItemId,
    TransactionOperation Operation,
    string Reason) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.ItemRefused;
}
