namespace Kiosk.Events.Model;

/// <summary>An item was returned and its security switched on.</summary>
/// <param name="SessionId">The session number, or null for a return without a session.</param>
/// <param name="ItemId">The item's id.</param>
/// <param name="Title">The title the ILS gave.</param>
/// <param name="SortBin">Where the ILS said to put it.</param>
public sealed record ItemReturnedData(
    string? SessionId,
    string ItemId,
    string? Title,
    string? SortBin) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.ItemReturned;
}
