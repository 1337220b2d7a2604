namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>What an <see cref="EscPosPrintedSymbol"/> is.</summary>
public enum EscPosSymbolKind
{
    /// <summary>A one-dimensional barcode (GS k).</summary>
    Barcode,

    /// <summary>A QR code (GS ( k, cn = 49).</summary>
    QrCode,
}
