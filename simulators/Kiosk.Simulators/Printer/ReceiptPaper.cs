using Kiosk.Protocols.Printing.EscPos;
using SkiaSharp;

namespace Kiosk.Simulators.Printer;

/// <summary>
/// The paper under the print head: a line buffer of character cells and in-line bit images, printed at LF, and blocks
/// (raster images, graphics, barcodes, QR codes) printed at once below the last line. Tracks the modes a printer keeps
/// between commands; each drawing is queued for <see cref="ReceiptImageRenderer"/> once the height is known.
/// </summary>
internal sealed class ReceiptPaper(int dotsPerLine)
{
    /// <summary>Epson font A: 12 × 24 dots per character.</summary>
    private const int CharacterWidth = 12;

    private const int LineHeight = 24;

    private readonly List<Cell> _line = [];
    private readonly List<string> _notes = [];
    private EscPosAlignment _alignment = EscPosAlignment.Left;
    private int _widthScale = 1;
    private int _heightScale = 1;
    private bool _emphasised;
    private int _underline;
    private StoreGraphicsCommand? _storedGraphics;

    // ESC 3 n; null (power-on, ESC 2, ESC @) advances each line by its own height, which is how this simulator has
    // always laid text out. A set spacing is the feed of an LF, but never less than the line's tallest cell: receiptline
    // prints every line under ESC 3 0, which would otherwise overprint.
    private int? _lineSpacing;

    /// <summary>One piece of the line: a glyph or bit image, a resident character, a space, or a positioning gap.</summary>
    private readonly record struct Cell(MonochromeBitmap? Glyph, bool Blank, int Width, int Height, int WidthScale, int HeightScale, bool Emphasised, int Underline);

    public List<Action<SKBitmap>> Drawings { get; } = [];

    public IReadOnlyList<string> Notes => _notes;

    public int Height { get; private set; }

    public void Apply(EscPosDecodedItem item)
    {
        switch (item.Command)
        {
            case InitializeCommand:
                _alignment = EscPosAlignment.Left;
                (_widthScale, _heightScale, _emphasised, _underline, _storedGraphics, _lineSpacing) = (1, 1, false, 0, null, null);
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
            case LineSpacingCommand spacing:
                _lineSpacing = spacing.Dots;
                break;
            case UnderlineCommand underline:
                _underline = underline.Thickness;
                break;
            case AbsolutePositionCommand absolute:
                // A position left of the current one would overprint; the simulator only moves right.
                AddGap(absolute.Units - _line.Sum(cell => cell.Width));
                break;
            case RelativePositionCommand relative:
                AddGap(relative.Units);
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
                var (rasterX, rasterY) = raster.Scale switch
                {
                    RasterScale.DoubleWidth => (2, 1),
                    RasterScale.DoubleHeight => (1, 2),
                    RasterScale.Quadruple => (2, 2),
                    _ => (1, 1),
                };
                PrintBlock(raster.Bitmap, rasterX, rasterY);
                break;
            case BitImageCommand bitImage:
                // ESC * prints in the line like a character, at the image's own scale.
                _line.Add(new Cell(bitImage.Bitmap, false, bitImage.Bitmap.Width * bitImage.HorizontalScale, bitImage.Bitmap.Height * bitImage.VerticalScale, bitImage.HorizontalScale, bitImage.VerticalScale, false, 0));
                break;
            case StoreGraphicsCommand store:
                _storedGraphics = store;
                break;
            case PrintGraphicsCommand:
                if (_storedGraphics is { } stored)
                {
                    PrintBlock(stored.Bitmap, stored.HorizontalScale, stored.VerticalScale);
                }

                // The print buffer's graphics are cleared once printed (Epson reference, GS ( L function 50).
                _storedGraphics = null;
                break;
            default:
                if (item.Symbol is { } symbol)
                {
                    PrintSymbol(symbol);
                }
                else if (item.Kind == EscPosItemKind.Text)
                {
                    AddText(item);
                }

                break;
        }
    }

    public void EndLine(bool force)
    {
        if (_line.Count == 0 || _line.All(cell => cell.Height == 0))
        {
            _line.Clear();
            Height += force ? _lineSpacing ?? (LineHeight * _heightScale) : 0;
            return;
        }

        var lineHeight = _line.Max(cell => cell.Height);
        var x = Offset(_line.Sum(cell => cell.Width));
        foreach (var cell in _line)
        {
            // Cells of a taller line share its baseline: a shorter cell sits at the bottom.
            var top = Height + lineHeight - cell.Height;
            if (cell.Glyph is { } glyph)
            {
                DrawBitmap(glyph, x, top, cell.WidthScale, cell.HeightScale, cell.Emphasised);
            }
            else if (!cell.Blank)
            {
                DrawBox(x + 1, top + 4, cell.Width - 2, cell.Height - 8, new SKColor(0xA0, 0xA0, 0xA0));
            }

            if (cell.Underline > 0)
            {
                // The underline runs under the whole cell, spaces included, at the bottom of the line.
                DrawBox(x, Height + lineHeight - cell.Underline, cell.Width, cell.Underline, SKColors.Black);
            }

            x += cell.Width;
        }

        Height += Math.Max(lineHeight, force ? _lineSpacing ?? 0 : 0);
        _line.Clear();
    }

    private void AddGap(int dots)
    {
        if (dots > 0)
        {
            _line.Add(new Cell(null, true, dots, 0, 1, 1, false, 0));
        }
    }

    private void AddText(EscPosDecodedItem item)
    {
        for (var i = 0; i < item.Bytes.Length; i++)
        {
            var glyph = item.Glyphs?[i];
            var blank = glyph is null && item.Bytes[i] == (byte)' ';
            _line.Add(new Cell(glyph, blank, _widthScale * CharacterWidth, _heightScale * LineHeight, _widthScale, _heightScale, _emphasised, _underline));
        }
    }

    private void PrintBlock(MonochromeBitmap bitmap, int widthScale, int heightScale)
    {
        EndLine(force: false);
        DrawBitmap(bitmap, Offset(bitmap.Width * widthScale), Height, widthScale, heightScale, emphasised: false);
        Height += bitmap.Height * heightScale;
    }

    private void PrintSymbol(EscPosPrintedSymbol symbol)
    {
        var bitmap = SymbolBitmaps.TryDraw(symbol, dotsPerLine, out var note);
        if (note is not null)
        {
            _notes.Add(note);
        }

        if (bitmap is null)
        {
            return;
        }

        EndLine(force: false);
        var hri = symbol.Kind == EscPosSymbolKind.Barcode ? symbol.HriPosition : EscPosHriPosition.None;
        if (hri is EscPosHriPosition.Above or EscPosHriPosition.AboveAndBelow)
        {
            DrawHri(symbol.Text);
        }

        PrintBlock(bitmap, 1, 1);
        if (hri is EscPosHriPosition.Below or EscPosHriPosition.AboveAndBelow)
        {
            DrawHri(symbol.Text);
        }
    }

    private void DrawHri(string text)
    {
        // HRI characters print in Font A, centred under (or over) the bars.
        var left = Offset(text.Length * CharacterWidth);
        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] != ' ')
            {
                DrawBox(left + (index * CharacterWidth) + 1, Height + 4, CharacterWidth - 2, LineHeight - 8, new SKColor(0xA0, 0xA0, 0xA0));
            }
        }

        Height += LineHeight;
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

    private void DrawBox(int left, int top, int width, int height, SKColor color) =>
        Drawings.Add(image =>
        {
            using var canvas = new SKCanvas(image);
            using var paint = new SKPaint { Color = color, IsAntialias = false };
            canvas.DrawRect(left, top, width, height, paint);
        });
}
