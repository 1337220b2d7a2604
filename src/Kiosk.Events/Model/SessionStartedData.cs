namespace Kiosk.Events.Model;

/// <summary>A patron's session began at the kiosk.</summary>
/// <param name="SessionId">The kiosk's own session number, unrelated to the patron.</param>
/// <param name="PatronPseudonym">The salted pseudonym, or null when pseudonyms are off.</param>
/// <param name="Language">The screen language, vi or en.</param>
public sealed record SessionStartedData(
    string SessionId,
    string? PatronPseudonym,
    string Language) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.SessionStarted;
}
