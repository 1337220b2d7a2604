namespace Kiosk.Circulation.Sessions;

/// <summary>Everything the screen needs to draw the kiosk now.</summary>
/// <param name="State">The session's state.</param>
/// <param name="SessionId">The session, when there is one.</param>
/// <param name="IlsReachable">False while the ILS is unreachable: the screen says so plainly.</param>
/// <param name="OfflineLoansAllowed">Whether the site lets patrons borrow while the ILS is unreachable.</param>
/// <param name="IdleWarningEndsAt">When an idle session will end, while the warning shows.</param>
/// <param name="Blocks">The signed-in patron's blocks.</param>
/// <param name="Items">What lies on the pad or was scanned in, in the order it came.</param>
public sealed record KioskSnapshot(
    SessionState State,
    Guid? SessionId,
    bool IlsReachable,
    bool OfflineLoansAllowed,
    DateTimeOffset? IdleWarningEndsAt,
    IReadOnlyList<PatronBlock> Blocks,
    IReadOnlyList<PadItem> Items);
