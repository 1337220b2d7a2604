using Kiosk.Circulation.Sessions;

namespace Kiosk.Circulation.DomainEvents;

/// <summary>A session ended.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record SessionEnded(Guid SessionId, SessionEndReason Reason, DateTimeOffset At) : CirculationEvent(At);
