namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// A line the TCVN-3 tables cannot carry whole (a character outside Vietnamese and ASCII, such as "€" or a Chinese
/// title): render it as raster at the line's style and alignment, then feed as a text line would.
/// </summary>
/// <param name="Line">The laid-out line.</param>
/// <param name="UnencodableIndexes">Which characters of the line neither TCVN-3 table has, for diagnostics.</param>
public sealed record RasterLineSegment(ReceiptLine Line, IReadOnlyList<int> UnencodableIndexes) : ReceiptPrintSegment;
