namespace Kiosk.Circulation.DomainEvents;

/// <summary>The session has been idle and will end unless the patron touches the screen; the UI shows a countdown.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="EndsAt">When it will end.</param>
/// <param name="At">When.</param>
public sealed record SessionIdleWarning(Guid SessionId, DateTimeOffset EndsAt, DateTimeOffset At) : CirculationEvent(At);
