namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// A barcode or QR code as the printer prints it: the data of GS k or of the stored QR symbol, with the settings in
/// force when it was printed (GS h, GS w, GS H; QR model, module size and error correction).
/// </summary>
public sealed record EscPosPrintedSymbol
{
    /// <summary>Barcode or QR code.</summary>
    public required EscPosSymbolKind Kind { get; init; }

    /// <summary>For a barcode, its symbology.</summary>
    public EscPosBarcodeSymbology? Symbology { get; init; }

    /// <summary>The data bytes as sent (for CODE128 with its code-set selectors).</summary>
    public required IReadOnlyList<byte> Data { get; init; }

    /// <summary>
    /// What the symbol carries, as a reader would report it: the HRI characters of a barcode (CODE128 code set C as
    /// digits), or a QR code's data as UTF-8 (Latin-1 where it is not valid UTF-8).
    /// </summary>
    public required string Text { get; init; }

    /// <summary>For CODE128, the symbol values from start to stop, check symbol included.</summary>
    public IReadOnlyList<int>? Code128Values { get; init; }

    /// <summary>The narrowest bar (GS w) or the QR module, in dots.</summary>
    public required int ModuleWidth { get; init; }

    /// <summary>For a barcode, its height in dots (GS h).</summary>
    public int Height { get; init; }

    /// <summary>For a barcode, where its HRI characters print (GS H).</summary>
    public EscPosHriPosition HriPosition { get; init; }

    /// <summary>For a QR code, its model (1, 2, or 3 for Micro QR).</summary>
    public int QrModel { get; init; }

    /// <summary>For a QR code, its error-correction level.</summary>
    public QrCodeErrorCorrection ErrorCorrection { get; init; }
}
