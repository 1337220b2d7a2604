using Kiosk.Protocols.Sip2.Messages;

namespace Kiosk.Circulation.Security;

/// <summary>How one item's return went.</summary>
/// <param name="Switch">What securing its tags did.</param>
/// <param name="Response">The ILS's answer to the checkin; null when it was queued or not sent.</param>
/// <param name="Queued">Whether the checkin was queued for the ILS (off-line).</param>
internal sealed record ReturnAttempt(TagSwitchResult Switch, CheckinResponse? Response, bool Queued)
{
    public bool Returned => Switch.Verified && (Queued || Response?.Ok == true);
}
