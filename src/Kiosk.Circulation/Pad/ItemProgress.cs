namespace Kiosk.Circulation.Pad;

/// <summary>Where one book on the pad stands in the transaction the screen shows.</summary>
public enum ItemProgress
{
    /// <summary>No transaction has taken it yet.</summary>
    None = 0,

    /// <summary>Taken by the running transaction, waiting its turn.</summary>
    Pending = 1,

    /// <summary>Its loan or return is being carried out now.</summary>
    Working = 2,

    /// <summary>Decided: lent, returned, or nothing left to do (see its outcome).</summary>
    Done = 3,

    /// <summary>Decided: refused, with the reason in its outcome.</summary>
    Refused = 4,
}
