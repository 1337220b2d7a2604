namespace Kiosk.Circulation.Transactions;

/// <summary>
/// What the site does with a loan of a multi-part item when not every part is on the pad. A return of an incomplete set
/// is always refused: checking it in would leave the missing part's tag switched off for an item the ILS thinks is back.
/// </summary>
public enum SetPolicy
{
    /// <summary>Refuse the whole item and name the missing parts.</summary>
    Refuse = 0,

    /// <summary>Lend it, switching the parts present, and warn about the missing ones (they stay secured in the library: safe).</summary>
    Warn = 1,
}
