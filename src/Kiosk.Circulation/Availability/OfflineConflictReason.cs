namespace Kiosk.Circulation.Availability;

/// <summary>Why a replayed offline transaction needs staff. Codes the staff screen can put in words in any language.</summary>
public enum OfflineConflictReason
{
    /// <summary>The ILS has the item on loan to someone else; the offline loan was not replayed.</summary>
    ItemOnLoanToSomeoneElse = 1,

    /// <summary>The patron is blocked in the ILS; the loan was still replayed (it happened), for staff to follow up.</summary>
    PatronBlocked = 2,

    /// <summary>The ILS refused the transaction even with no block; its message is in the note.</summary>
    IlsRefused = 3,

    /// <summary>The ILS does not know the item or the patron.</summary>
    NotFound = 4,
}
