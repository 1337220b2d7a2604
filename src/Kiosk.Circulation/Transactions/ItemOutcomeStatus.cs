namespace Kiosk.Circulation.Transactions;

/// <summary>How one item's request ended.</summary>
public enum ItemOutcomeStatus
{
    /// <summary>Done: lent, returned or renewed.</summary>
    Done = 1,

    /// <summary>Done, with something the patron should know (a missing part under the Warn policy).</summary>
    DoneWithWarning = 2,

    /// <summary>Not done; see the reason.</summary>
    Refused = 3,

    /// <summary>Lent, but the book was lifted before its security was switched: put it back on the pad.</summary>
    PutItBack = 4,

    /// <summary>Nothing to do: the book was already lent to this patron, or already returned, in this visit to the pad.</summary>
    AlreadyDone = 5,

    /// <summary>A returned book that was not on loan: its security was set, and the ILS had nothing to check in.</summary>
    NotOnLoan = 6,
}
