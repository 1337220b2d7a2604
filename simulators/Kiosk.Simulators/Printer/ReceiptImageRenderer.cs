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
    /// <summary>
    /// The tallest PNG drawn: 32 767 dots is about 4 m of paper at 203 dpi, far past any receipt, and bounds the bitmap
    /// (576 × 32 767 × 4 bytes) that a runaway or corrupt job could otherwise make as tall as its graphics claim.
    /// </summary>
    public const int MaxHeight = short.MaxValue;

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
        var height = Math.Clamp(paper.Height, 1, MaxHeight);
        var notes = paper.Notes.ToList();
        if (paper.Height > MaxHeight)
        {
            notes.Add($"the receipt is {paper.Height} dots long; the PNG shows its first {MaxHeight}");
        }

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
        return (encoded.ToArray(), notes);
    }
}
