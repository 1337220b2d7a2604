using Kiosk.Protocols.Printing.EscPos;
using SkiaSharp;

namespace Kiosk.Simulators.Printer;

/// <summary>
/// Draws a decoded receipt as the paper would look, for a person to check and for a test to read back. Raster images
/// (GS v 0), bit images (ESC *), stored graphics (GS ( L / GS 8 L), user-defined characters (ESC &amp;), barcodes (GS k)
/// and QR codes (GS ( k) are drawn dot for dot in black, with the alignment, GS ! size, ESC E emphasis, ESC - underline
/// and ESC $ / ESC \ positions in force, as the printer would print them. Resident-font text is not typeset (no printer
/// ROM font is bundled): each character is a grey box in its 12 × 24 Font A cell, and the text itself is in the .txt
/// file. A barcode's HRI characters are grey boxes too.
/// </summary>
internal static class ReceiptImageRenderer
{
    public static byte[] RenderPng(EscPosDecodedDocument document, int dotsPerLine) => Render(document, dotsPerLine).Png;

    /// <summary>The PNG, and a note for each thing that was not drawn as sent.</summary>
    public static (byte[] Png, IReadOnlyList<string> Notes) Render(EscPosDecodedDocument document, int dotsPerLine)
    {
        var paper = new ReceiptPaper(dotsPerLine);
        foreach (var item in document.Items)
        {
            paper.Apply(item);
        }

        paper.EndLine(force: false);
        var height = Math.Max(1, paper.Height);
        using var image = new SKBitmap(dotsPerLine, height);
        using (var canvas = new SKCanvas(image))
        {
            canvas.Clear(SKColors.White);
        }

        foreach (var draw in paper.Drawings)
        {
            draw(image);
        }

        using var encoded = image.Encode(SKEncodedImageFormat.Png, 100);
        return (encoded.ToArray(), paper.Notes);
    }
}
