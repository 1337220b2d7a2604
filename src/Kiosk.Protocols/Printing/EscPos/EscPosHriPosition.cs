namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>Where a barcode's human-readable digits go (Epson reference, "GS H Select print position of HRI characters").</summary>
public enum EscPosHriPosition : byte
{
    None = 0,
    Above = 1,
    Below = 2,
    AboveAndBelow = 3,
}
