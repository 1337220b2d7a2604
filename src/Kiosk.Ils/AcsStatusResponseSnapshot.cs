using Kiosk.Protocols.Sip2.Messages;

namespace Kiosk.Ils;

/// <summary>The ACS's last status and when it was received.</summary>
/// <param name="Status">The ACS Status (98) message.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record AcsStatusResponseSnapshot(AcsStatusResponse Status, DateTimeOffset ReceivedAt);
