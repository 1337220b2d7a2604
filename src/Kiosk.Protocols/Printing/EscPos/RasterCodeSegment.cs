namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>A QR code or barcode the printer cannot draw itself: render it as raster.</summary>
public sealed record RasterCodeSegment(ReceiptCode Code) : ReceiptPrintSegment;
