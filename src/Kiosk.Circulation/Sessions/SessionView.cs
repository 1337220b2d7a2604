namespace Kiosk.Circulation.Sessions;

/// <summary>Where the patron's session stands, as the screen shows it.</summary>
/// <param name="State">The session's state.</param>
/// <param name="SessionId">The session, when there is one.</param>
/// <param name="IdleWarningEndsAt">When an idle session will end, while the warning shows.</param>
/// <param name="Blocks">The signed-in patron's blocks (or those of the card awaiting its PIN).</param>
/// <param name="Patron">What the signed-in patron is told, or null.</param>
/// <param name="Pending">The card awaiting its PIN, or null.</param>
public sealed record SessionView(
    SessionState State,
    Guid? SessionId,
    DateTimeOffset? IdleWarningEndsAt,
    IReadOnlyList<PatronBlock> Blocks,
    PatronSummary? Patron,
    PendingSignInSummary? Pending);
