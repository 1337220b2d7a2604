using Kiosk.Circulation.Pad;
using Kiosk.Circulation.Sessions;
using Kiosk.Circulation.Transactions;

namespace Kiosk.Circulation;

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
    IReadOnlyList<PadItem> Items)
{
    /// <summary>What the signed-in patron is told (greeting, books left, holds, or why they cannot borrow), or null.</summary>
    public PatronSummary? Patron { get; init; }

    /// <summary>The card awaiting its PIN, or null.</summary>
    public PendingSignInSummary? Pending { get; init; }

    /// <summary>The loan or return running now, or null: the screen counts it and disables "confirm".</summary>
    public TransactionSnapshot? Transaction { get; init; }

    /// <summary>Whether the ILS lets this kiosk lend now (ACS Status "checkout ok"): when not, the screen says loans are off.</summary>
    public bool LoansAllowed { get; init; } = true;

    /// <summary>Whether the ILS lets this kiosk take returns now (ACS Status "checkin ok").</summary>
    public bool ReturnsAllowed { get; init; } = true;

    /// <summary>Whether the ILS's renewal policy lets patrons renew here now (ACS Status "ACS renewal policy").</summary>
    public bool RenewalsAllowed { get; init; } = true;
}
