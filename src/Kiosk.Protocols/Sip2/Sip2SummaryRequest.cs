namespace Kiosk.Protocols.Sip2;

/// <summary>
/// The 10-position summary field of Patron Information (spec, "summary"): which category of items to list in detail.
/// The spec asks for one category per request. Bit <c>n</c> is position <c>n</c>; positions 6–9 are unused.
/// </summary>
[Flags]
public enum Sip2SummaryRequest
{
    /// <summary>Summary counts only.</summary>
    None = 0,
    HoldItems = 1 << 0,
    OverdueItems = 1 << 1,
    ChargedItems = 1 << 2,
    FineItems = 1 << 3,
    RecallItems = 1 << 4,
    UnavailableHolds = 1 << 5,
}
