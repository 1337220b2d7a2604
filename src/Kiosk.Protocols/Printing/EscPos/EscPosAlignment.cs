namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>The justification ESC a n selects (Epson reference, "ESC a Select justification": n = 0, 1, 2).</summary>
public enum EscPosAlignment : byte
{
    Left = 0,
    Center = 1,
    Right = 2,
}
