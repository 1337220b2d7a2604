namespace Kiosk.Circulation.DomainEvents;

/// <summary>
/// Something that happened at the kiosk, for the UI and the central system. No event carries a patron identifier, a
/// PIN or a patron's name: a session is named by <c>SessionId</c>, a random number that means nothing outside the kiosk.
/// </summary>
/// <param name="At">When it happened, on the kiosk's clock.</param>
public abstract record CirculationEvent(DateTimeOffset At);
