namespace Kiosk.Events.Model;

/// <summary>An item was lent and its security switched off.</summary>
/// <param name="SessionId">The session number.</param>
/// <param name="ItemId">The item's barcode or tag id.</param>
/// <param name="Title">The title the ILS gave.</param>
/// <param name="DueDate">When it is due.</param>
/// <param name="PatronPseudonym">The salted pseudonym, or null.</param>
public sealed record ItemCheckedOutData(
    string SessionId,
    string ItemId,
    string? Title,
    DateTimeOffset? DueDate,
    string? PatronPseudonym) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.ItemCheckedOut;
}
