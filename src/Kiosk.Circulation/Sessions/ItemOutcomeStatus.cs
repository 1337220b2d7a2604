namespace Kiosk.Circulation.Sessions;

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
}
