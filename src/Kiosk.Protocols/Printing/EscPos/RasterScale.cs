namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>The m of GS v 0: dot density doubling (Epson reference, "GS v 0 Print raster bit image": m = 0 to 3).</summary>
public enum RasterScale : byte
{
    Normal = 0,
    DoubleWidth = 1,
    DoubleHeight = 2,
    Quadruple = 3,
}
