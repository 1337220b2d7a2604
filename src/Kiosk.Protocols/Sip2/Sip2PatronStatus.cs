namespace Kiosk.Protocols.Sip2;

/// <summary>
/// The 14-position patron status field (spec, "patron status"). A Y in a position means the condition is true;
/// a blank means it is not. Bit <c>n</c> is position <c>n</c>.
/// </summary>
[Flags]
#pragma warning disable CA1711 // "Status" is the field's name in the specification.
public enum Sip2PatronStatus
#pragma warning restore CA1711
{
    /// <summary>No condition is set: the patron may borrow.</summary>
    None = 0,
    ChargePrivilegesDenied = 1 << 0,
    RenewalPrivilegesDenied = 1 << 1,
    RecallPrivilegesDenied = 1 << 2,
    HoldPrivilegesDenied = 1 << 3,
    CardReportedLost = 1 << 4,
    TooManyItemsCharged = 1 << 5,
    TooManyItemsOverdue = 1 << 6,
    TooManyRenewals = 1 << 7,
    TooManyClaimsOfItemsReturned = 1 << 8,
    TooManyItemsLost = 1 << 9,
    ExcessiveOutstandingFines = 1 << 10,
    ExcessiveOutstandingFees = 1 << 11,
    RecallOverdue = 1 << 12,
    TooManyItemsBilled = 1 << 13,
}
