using Kiosk.Circulation.Sessions;

namespace Kiosk.Circulation.DomainEvents;

/// <summary>A patron signed in.</summary>
/// <param name="SessionId">The session's random id.</param>
/// <param name="Method">How the card was presented.</param>
/// <param name="Offline">Whether the session began while the ILS was unreachable (the card could not be checked).</param>
/// <param name="PatronPseudonym">The site's salted pseudonym of the card, when the site configured one; never the card number.</param>
/// <param name="At">When.</param>
public sealed record SessionStarted(Guid SessionId, SignInMethod Method, bool Offline, string? PatronPseudonym, DateTimeOffset At) : CirculationEvent(At);
