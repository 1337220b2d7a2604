namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>Full or partial cut (Epson reference, "GS V Select cut mode and cut paper").</summary>
public enum EscPosCutMode
{
    /// <summary>Function A m = 0, or function B m = 65: cut right through.</summary>
    Full,

    /// <summary>Function A m = 1, or function B m = 66: leave one point uncut, so the slip hangs until pulled.</summary>
    Partial,
}
