namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// The barcode systems of GS k function B, where m is followed by a length byte (Epson reference, "GS k Print
/// barcode", m = 65 to 73).
/// </summary>
public enum EscPosBarcodeSymbology : byte
{
    UpcA = 65,
    UpcE = 66,
    Ean13 = 67,
    Ean8 = 68,
    Code39 = 69,
    Itf = 70,
    Codabar = 71,
    Code93 = 72,
    Code128 = 73,
}
