using Kiosk.Protocols.Printing.EscPos;
using SkiaSharp;

namespace Kiosk.Simulators.Printer;

/// <summary>
/// Draws a decoded receipt as the paper would look, for a person to check. Raster images are drawn dot for dot in black.
/// Text is not typeset (no font is bundled and the NoDependencies native build has no fontconfig): each text line is
/// drawn as a grey bar as long as the line, 24 dots high like Epson font A; the text itself is in the .txt file.
/// </summary>
internal static class ReceiptImageRenderer
{
    /// <summary>Epson font A: 12 × 24 dots per character.</summary>
    private const int CharacterWidth = 12;

    private const int LineHeight = 24;

    public static byte[] RenderPng(EscPosDecodedDocument document, int dotsPerLine)
    {
        var blocks = new List<object>();
        var line = new System.Text.StringBuilder();
        foreach (var item in document.Items)
        {
            switch (item.Command)
            {
                case LineFeedCommand:
                case FeedLinesCommand:
                    blocks.Add(line.ToString());
                    line.Clear();
                    break;
                case RasterImageCommand raster:
                    blocks.Add(raster.Bitmap);
                    break;
                default:
                    line.Append(item.Kind == EscPosItemKind.Text ? item.Text : null);
                    break;
            }
        }

        if (line.Length > 0)
        {
            blocks.Add(line.ToString());
        }

        var height = Math.Max(1, blocks.Sum(block => block is MonochromeBitmap bitmap ? bitmap.Height : LineHeight));
        using var image = new SKBitmap(dotsPerLine, height);
        using (var canvas = new SKCanvas(image))
        using (var grey = new SKPaint { Color = new SKColor(0xA0, 0xA0, 0xA0), IsAntialias = false })
        {
            canvas.Clear(SKColors.White);
            var top = 0;
            foreach (var block in blocks)
            {
                if (block is MonochromeBitmap bitmap)
                {
                    for (var y = 0; y < bitmap.Height; y++)
                    {
                        for (var x = 0; x < Math.Min(bitmap.Width, dotsPerLine); x++)
                        {
                            if (bitmap[x, y])
                            {
                                image.SetPixel(x, top + y, SKColors.Black);
                            }
                        }
                    }

                    top += bitmap.Height;
                }
                else
                {
                    var width = Math.Min(((string)block).Length * CharacterWidth, dotsPerLine);
                    if (width > 0)
                    {
                        canvas.DrawRect(0, top + 4, width, LineHeight - 8, grey);
                    }

                    top += LineHeight;
                }
            }
        }

        using var encoded = image.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }
}
