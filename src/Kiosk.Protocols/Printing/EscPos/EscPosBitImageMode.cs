namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// The m of ESC * (Epson reference, "ESC * Select bit-image mode"): 8-dot modes send one byte per column and print each
/// dot three dots tall; single density prints each column two dots wide.
/// </summary>
public enum EscPosBitImageMode : byte
{
    EightDotSingleDensity = 0,
    EightDotDoubleDensity = 1,
    TwentyFourDotSingleDensity = 32,
    TwentyFourDotDoubleDensity = 33,
}
