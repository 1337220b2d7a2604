namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// One piece of a text-mode print plan: bytes ready to send, or something the raster renderer must draw and send in
/// its place. Raster pieces must leave the printer's modes alone (no ESC @, no ESC t) because the bytes after them rely
/// on the code page and styles set before.
/// </summary>
public abstract record ReceiptPrintSegment;
