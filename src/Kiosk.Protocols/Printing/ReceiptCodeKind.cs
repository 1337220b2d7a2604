namespace Kiosk.Protocols.Printing;

/// <summary>The symbology of a receipt's optional code.</summary>
public enum ReceiptCodeKind
{
    QrCode,
    Code128,
}
