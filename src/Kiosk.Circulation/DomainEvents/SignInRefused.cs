using Kiosk.Circulation.Sessions;

namespace Kiosk.Circulation.DomainEvents;

/// <summary>A sign-in was refused.</summary>
/// <param name="Reason">Why, as a code the UI puts in words.</param>
/// <param name="Blocks">The ILS's blocks on the card, when that is why.</param>
/// <param name="At">When.</param>
public sealed record SignInRefused(RefusalReason Reason, IReadOnlyList<PatronBlock> Blocks, DateTimeOffset At) : CirculationEvent(At);
