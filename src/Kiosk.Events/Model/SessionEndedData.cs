namespace Kiosk.Events.Model;

/// <summary>A patron's session ended.</summary>
/// <param name="SessionId">The session number.</param>
/// <param name="PatronPseudonym">The salted pseudonym, or null.</param>
/// <param name="ItemsCheckedOut">Loans made.</param>
/// <param name="ItemsReturned">Returns made.</param>
/// <param name="ItemsRenewed">Renewals made.</param>
/// <param name="EndReason">finished, timeout or cancelled.</param>
public sealed record SessionEndedData(
    string SessionId,
    string? PatronPseudonym,
    int ItemsCheckedOut,
    int ItemsReturned,
    int ItemsRenewed,
    string EndReason) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.SessionEnded;
}
