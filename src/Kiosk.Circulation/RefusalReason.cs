namespace Kiosk.Circulation;

/// <summary>Why something was refused: codes the UI puts in plain words, in Vietnamese or English.</summary>
public enum RefusalReason
{
    /// <summary>The ILS does not know the card.</summary>
    PatronNotFound = 1,

    /// <summary>The PIN was wrong.</summary>
    PinWrong = 2,

    /// <summary>The card is blocked; see the <see cref="PatronBlock"/> list.</summary>
    PatronBlocked = 3,

    /// <summary>The ILS cannot be reached and the site does not allow this off-line.</summary>
    IlsUnreachable = 4,

    /// <summary>The card number does not match any format the site accepts off-line.</summary>
    UnknownCardFormat = 5,

    /// <summary>The off-line item limit was reached.</summary>
    OfflineLimitReached = 6,

    /// <summary>The ILS does not know the item.</summary>
    ItemNotFound = 7,

    /// <summary>Not every part of a multi-part item is on the pad.</summary>
    SetIncomplete = 8,

    /// <summary>The item is not for loan (reference, discarded, per its tag).</summary>
    NotForLoan = 9,

    /// <summary>The ILS refused; its words are in <see cref="ItemOutcome.IlsMessage"/>.</summary>
    IlsRefused = 10,

    /// <summary>The security could not be switched after retries; take the item to the desk.</summary>
    SecuritySwitchFailed = 11,

    /// <summary>The book was lifted before its security was switched and did not come back in the session.</summary>
    RemovedBeforeSwitch = 12,

    /// <summary>A patron must sign in first.</summary>
    NoSession = 13,

    /// <summary>The tag could not be read or is not a library item.</summary>
    UnreadableTag = 14,

    /// <summary>This patron borrowed the book earlier in this session: it is theirs already.</summary>
    AlreadyYours = 15,

    /// <summary>The book was returned at this kiosk and has not left the pad since: lift it and lay it down again to borrow it.</summary>
    AlreadyReturned = 16,

    /// <summary>A returned book was not on loan: its security is on, and there is nothing else to do.</summary>
    NotOnLoan = 17,

    /// <summary>A loan or return is running; wait for it.</summary>
    Busy = 18,

    /// <summary>The session ended with this book still on the pad, not lent: it stays in the library.</summary>
    LeftOnPad = 19,

    /// <summary>The patron may borrow no more books now (the ILS's limit); the books laid down first were decided first.</summary>
    LoanLimitReached = 20,

    /// <summary>The ILS's ACS Status says this kiosk may not check items out now ("checkout ok" is N); nothing was sent.</summary>
    LoansNotAllowed = 21,

    /// <summary>The ILS's ACS Status says this kiosk may not check items in now ("checkin ok" is N); the book was not touched.</summary>
    ReturnsNotAllowed = 22,

    /// <summary>The ILS's ACS Status says its renewal policy does not let patrons renew here; nothing was sent.</summary>
    RenewalsNotAllowed = 23,
}
