namespace Kiosk.Circulation.Sessions;

/// <summary>One of the ILS's blocks on a card (SIP2 patron status), as a code the UI puts in plain words.</summary>
public enum PatronBlock
{
    /// <summary>The card was reported lost.</summary>
    CardReportedLost = 1,

    /// <summary>Borrowing is not allowed (charge privileges denied).</summary>
    BorrowingDenied = 2,

    /// <summary>Renewing is not allowed.</summary>
    RenewalDenied = 3,

    /// <summary>The patron has as many items as allowed.</summary>
    TooManyItemsCharged = 4,

    /// <summary>The patron has too many overdue items.</summary>
    TooManyItemsOverdue = 5,

    /// <summary>Fines or fees are over the limit.</summary>
    FinesOverLimit = 6,

    /// <summary>Too many items lost, billed or claimed returned.</summary>
    TooManyItemsLost = 7,

    /// <summary>A recalled item is overdue.</summary>
    RecallOverdue = 8,
}
