namespace Kiosk.Circulation.DomainEvents;

/// <summary>A tag's security did not switch after the retries; the item is listed for staff.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="TagUid">The tag.</param>
/// <param name="WantedSecured">Whether it was being secured (a return) or unsecured (a loan).</param>
/// <param name="Failure">What the reader said, for a technician.</param>
/// <param name="At">When.</param>
public sealed record SecuritySwitchFailed(string ItemId, string TagUid, bool WantedSecured, string Failure, DateTimeOffset At) : CirculationEvent(At);
