namespace Kiosk.Events.Model;

/// <summary>A loan was renewed.</summary>
/// <param name="SessionId">The session number.</param>
/// <param name="ItemId">The item's id.</param>
/// <param name="DueDate">The new due date.</param>
/// <param name="PatronPseudonym">The salted pseudonym, or null.</param>
public sealed record ItemRenewedData(
    string SessionId,
    string ItemId,
    DateTimeOffset? DueDate,
    string? PatronPseudonym) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.ItemRenewed;
}
