namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// The two halves of TCVN-3 as ESC/POS printers carry them: Epson code page 30 holds the lowercase letters, page 31 the
/// capitals at the same byte values (the old ".VnTime" / ".VnTimeH" font pair). Clones may number them differently.
/// </summary>
public enum Tcvn3Table
{
    /// <summary>Epson page 30: lowercase Vietnamese letters.</summary>
    Lowercase,

    /// <summary>Epson page 31: capital Vietnamese letters.</summary>
    Capitals,
}
