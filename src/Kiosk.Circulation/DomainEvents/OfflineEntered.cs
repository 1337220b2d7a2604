namespace Kiosk.Circulation.DomainEvents;

/// <summary>The ILS became unreachable; the kiosk works off-line as the site's policy allows.</summary>
/// <param name="Reason">Why, for a technician.</param>
/// <param name="At">When.</param>
public sealed record OfflineEntered(string Reason, DateTimeOffset At) : CirculationEvent(At);
