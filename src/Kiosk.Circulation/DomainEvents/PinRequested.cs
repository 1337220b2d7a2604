namespace Kiosk.Circulation.DomainEvents;

/// <summary>The card needs its PIN before the session can begin.</summary>
/// <param name="Attempt">Which attempt comes next, from 1.</param>
/// <param name="At">When.</param>
public sealed record PinRequested(int Attempt, DateTimeOffset At) : CirculationEvent(At);
