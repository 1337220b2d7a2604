using Kiosk.Protocols.Printing.EscPos;
using QRCoder;
using ZXing.OneD;

namespace Kiosk.Simulators.Printer;

/// <summary>
/// Barcodes and QR codes as the printer would print them, one bit per dot: CODE128 from the symbol values the data
/// selects (so code sets A, B and C print as sent), the other GS k symbologies with ZXing.Net's writers, QR codes with
/// QRCoder at the module size and error-correction level in force.
/// </summary>
internal static class SymbolBitmaps
{
    /// <summary>The symbol as dots, or null when it cannot be printed; <c>note</c> says why, or what was approximated.</summary>
    public static MonochromeBitmap? TryDraw(EscPosPrintedSymbol symbol, int dotsPerLine, out string? note) =>
        symbol.Kind == EscPosSymbolKind.QrCode ? TryDrawQr(symbol, dotsPerLine, out note) : TryDrawBarcode(symbol, dotsPerLine, out note);

    private static MonochromeBitmap? TryDrawBarcode(EscPosPrintedSymbol symbol, int dotsPerLine, out string? note)
    {
        bool[] modules;
        try
        {
            modules = symbol.Symbology switch
            {
                EscPosBarcodeSymbology.Code128 => Code128Symbology.Modules(symbol.Code128Values!),
                // UPC-A is EAN-13 with a leading 0 (GS1 General Specifications §5.2.1.1).
                EscPosBarcodeSymbology.UpcA => new EAN13Writer().encode("0" + symbol.Text),
                EscPosBarcodeSymbology.UpcE => new UPCEWriter().encode(symbol.Text),
                EscPosBarcodeSymbology.Ean13 => new EAN13Writer().encode(symbol.Text),
                EscPosBarcodeSymbology.Ean8 => new EAN8Writer().encode(symbol.Text),
                EscPosBarcodeSymbology.Code39 => new Code39Writer().encode(symbol.Text),
                EscPosBarcodeSymbology.Itf => new ITFWriter().encode(symbol.Text),
                EscPosBarcodeSymbology.Codabar => new CodaBarWriter().encode(symbol.Text),
                EscPosBarcodeSymbology.Code93 => new Code93Writer().encode(symbol.Text),
                _ => [],
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            // ZXing.Net's writers refuse contents their symbology cannot carry; a printer would not print them either.
            note = $"{symbol.Symbology} \"{symbol.Text}\" not drawn: {ex.Message}";
            return null;
        }

        var module = Math.Max(1, symbol.ModuleWidth);
        var width = modules.Length * module;
        if (modules.Length == 0 || width > dotsPerLine || symbol.Height < 1)
        {
            // A printer does not print a barcode that does not fit the print area (Epson reference, GS k notes).
            note = $"{symbol.Symbology} \"{symbol.Text}\" is {width} dots wide and {symbol.Height} high; the line has {dotsPerLine}; not printed";
            return null;
        }

        var bitmap = new MonochromeBitmap(width, symbol.Height);
        for (var index = 0; index < modules.Length; index++)
        {
            if (!modules[index])
            {
                continue;
            }

            for (var x = index * module; x < (index + 1) * module; x++)
            {
                for (var y = 0; y < symbol.Height; y++)
                {
                    bitmap[x, y] = true;
                }
            }
        }

        note = null;
        return bitmap;
    }

    private static MonochromeBitmap? TryDrawQr(EscPosPrintedSymbol symbol, int dotsPerLine, out string? note)
    {
        var level = symbol.ErrorCorrection switch
        {
            QrCodeErrorCorrection.Medium => QRCodeGenerator.ECCLevel.M,
            QrCodeErrorCorrection.Quartile => QRCodeGenerator.ECCLevel.Q,
            QrCodeErrorCorrection.High => QRCodeGenerator.ECCLevel.H,
            _ => QRCodeGenerator.ECCLevel.L,
        };
        List<System.Collections.BitArray> matrix;
        try
        {
            // The matrix carries the 4-module quiet zone, which prints as blank paper.
            using var data = QRCodeGenerator.GenerateQrCode([.. symbol.Data], level);
            matrix = data.ModuleMatrix;
        }
        catch (QRCoder.Exceptions.DataTooLongException ex)
        {
            note = $"QR code of {symbol.Data.Count} bytes not drawn: {ex.Message}";
            return null;
        }

        var module = Math.Max(1, symbol.ModuleWidth);
        var size = matrix.Count * module;
        if (size > dotsPerLine)
        {
            note = $"QR code of {matrix.Count} modules at {module} dots is {size} dots wide; the line has {dotsPerLine}; not printed";
            return null;
        }

        var bitmap = new MonochromeBitmap(size, size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                bitmap[x, y] = matrix[y / module][x / module];
            }
        }

        note = symbol.QrModel == 2 ? null : $"QR model {symbol.QrModel} drawn as model 2";
        return bitmap;
    }
}
