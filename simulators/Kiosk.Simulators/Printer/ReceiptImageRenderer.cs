using Kiosk.Protocols.Printing.EscPos;
using SkiaSharp;

namespace Kiosk.Simulators.Printer;

/// <summary>
/// Draws a decoded receipt as the paper would look, for a person to check. Raster images and user-defined characters
/// (ESC &amp;) are drawn dot for dot in black, with the alignment, GS ! size and ESC E emphasis in force, as the printer
/// would print them. Resident-font text is not typeset (no printer ROM font is bundled): each character is a grey box in
/// its 12 × 24 Font A cell, and the text itself is in the .txt file.
/// </summary>
internal static class ReceiptImageRenderer
{
    /// <summary>Epson font A: 12 × 24 dots per character.</summary>
    private const int CharacterWidth = 12;

    private const int LineHeight = 24;

    public static byte[] RenderPng(EscPosDecodedDocument document, int dotsPerLine)
    {
        var paper = new Paper(dotsPerLine);
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
        return encoded.ToArray();
    }

    /// <summary>One character cell on the current line: a glyph, a resident character, or a space.</summary>
    private readonly record struct Cell(MonochromeBitmap? Glyph, bool Blank, int WidthScale, int HeightScale, bool Emphasised);

    private sealed class Paper(int dotsPerLine)
    {
        private readonly List<Cell> _line = [];
        private EscPosAlignment _alignment = EscPosAlignment.Left;
        private int _widthScale = 1;
        private int _heightScale = 1;
        private bool _emphasised;

        public List<Action<SKBitmap>> Drawings { get; } = [];

        public int Height { get; private set; }

        public void Apply(EscPosDecodedItem item)
        {
            switch (item.Command)
            {
                case InitializeCommand:
                    _alignment = EscPosAlignment.Left;
                    (_widthScale, _heightScale, _emphasised) = (1, 1, false);
                    break;
                case AlignCommand align:
                    _alignment = align.Alignment;
                    break;
                case CharacterSizeCommand size:
                    (_widthScale, _heightScale) = (size.Width, size.Height);
                    break;
                case BoldCommand bold:
                    _emphasised = bold.On;
                    break;
                case LineFeedCommand:
                    EndLine(force: true);
                    break;
                case FeedLinesCommand feed:
                    EndLine(force: true);
                    Height += LineHeight * Math.Max(0, feed.Lines - 1);
                    break;
                case FeedDotsCommand feed:
                    EndLine(force: false);
                    Height += feed.Dots;
                    break;
                case RasterImageCommand raster:
                    EndLine(force: false);
                    DrawBitmap(raster.Bitmap, Offset(raster.Bitmap.Width), Height, 1, 1, emphasised: false);
                    Height += raster.Bitmap.Height;
                    break;
                default:
                    if (item.Kind == EscPosItemKind.Text)
                    {
                        AddText(item);
                    }

                    break;
            }
        }

        public void EndLine(bool force)
        {
            if (_line.Count == 0)
            {
                Height += force ? LineHeight * _heightScale : 0;
                return;
            }

            var lineHeight = _line.Max(cell => cell.HeightScale) * LineHeight;
            var x = Offset(_line.Sum(cell => cell.WidthScale * CharacterWidth));
            foreach (var cell in _line)
            {
                // Cells of a taller line share its baseline: a single-height cell sits at the bottom.
                var top = Height + lineHeight - (cell.HeightScale * LineHeight);
                if (cell.Glyph is { } glyph)
                {
                    DrawBitmap(glyph, x, top, cell.WidthScale, cell.HeightScale, cell.Emphasised);
                }
                else if (!cell.Blank)
                {
                    DrawGreyBox(x, top, cell.WidthScale * CharacterWidth, cell.HeightScale * LineHeight);
                }

                x += cell.WidthScale * CharacterWidth;
            }

            Height += lineHeight;
            _line.Clear();
        }

        private void AddText(EscPosDecodedItem item)
        {
            for (var i = 0; i < item.Bytes.Length; i++)
            {
                var glyph = item.Glyphs?[i];
                _line.Add(new Cell(glyph, glyph is null && item.Bytes[i] == (byte)' ', _widthScale, _heightScale, _emphasised));
            }
        }

        private int Offset(int width) => _alignment switch
        {
            EscPosAlignment.Center => Math.Max(0, (dotsPerLine - width) / 2),
            EscPosAlignment.Right => Math.Max(0, dotsPerLine - width),
            _ => 0,
        };

        private void DrawBitmap(MonochromeBitmap bitmap, int left, int top, int widthScale, int heightScale, bool emphasised) =>
            Drawings.Add(image =>
            {
                for (var y = 0; y < bitmap.Height; y++)
                {
                    for (var x = 0; x < bitmap.Width; x++)
                    {
                        // Emphasis strikes each dot again one dot to the right.
                        var inked = bitmap[x, y] || (emphasised && x > 0 && bitmap[x - 1, y]);
                        if (!inked)
                        {
                            continue;
                        }

                        for (var dy = 0; dy < heightScale; dy++)
                        {
                            for (var dx = 0; dx < widthScale; dx++)
                            {
                                var (px, py) = (left + (x * widthScale) + dx, top + (y * heightScale) + dy);
                                if (px < image.Width && py < image.Height)
                                {
                                    image.SetPixel(px, py, SKColors.Black);
                                }
                            }
                        }
                    }
                }
            });

        private void DrawGreyBox(int left, int top, int width, int height) =>
            Drawings.Add(image =>
            {
                using var canvas = new SKCanvas(image);
                using var grey = new SKPaint { Color = new SKColor(0xA0, 0xA0, 0xA0), IsAntialias = false };
                canvas.DrawRect(left + 1, top + 4, width - 2, height - 8, grey);
            });
    }
}
