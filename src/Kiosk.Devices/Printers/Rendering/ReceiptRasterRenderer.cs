using System.Text;
using Kiosk.Protocols.Printing;
using Kiosk.Protocols.Printing.EscPos;
using QRCoder;
using SkiaSharp;

namespace Kiosk.Devices.Printers.Rendering;

/// <summary>
/// Draws receipts as 1-bit raster at the paper's full width: the <see cref="ReceiptLayout"/> lines (bold, double-height
/// headings, centring), the logo, and the QR code or CODE128 barcode when the printer cannot draw it. Text is drawn with
/// the embedded Noto Sans (<see cref="ReceiptFonts"/>), anti-aliased in grey and then cut at
/// <see cref="ReceiptRasterOptions.InkThreshold"/> without dithering, so glyph edges print solid.
/// Send the result with <see cref="RasterBandEncoder"/>.
/// </summary>
/// <remarks>Thread-safe: each call creates its own canvas and fonts.</remarks>
public sealed class ReceiptRasterRenderer
{
    // Quiet zone either side of a CODE128 symbol: at least 10 modules (ISO/IEC 15417 §4.4.2).
    private const int Code128QuietModules = 10;

    /// <summary>A renderer for <paramref name="options"/>, or 80 mm paper when null.</summary>
    public ReceiptRasterRenderer(ReceiptRasterOptions? options = null)
    {
        Options = options ?? ReceiptRasterOptions.Paper80Millimetres;
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.PaperWidthDots, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.WidthCharacters, 16);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.FontSizeDots);
    }

    /// <summary>The paper width, glyph size and code sizes in use.</summary>
    public ReceiptRasterOptions Options { get; }

    /// <summary>
    /// The whole receipt as one bitmap <see cref="ReceiptRasterOptions.PaperWidthDots"/> wide: logo, laid-out lines, and
    /// the code when <see cref="ReceiptRasterOptions.RenderCode"/> is set.
    /// </summary>
    /// <exception cref="ArgumentException">The logo is wider than the paper, or the code cannot be drawn within it.</exception>
    public MonochromeBitmap Render(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        using var fonts = new RenderFonts(Options);
        var blocks = new List<RenderBlock>();
        if (receipt.Logo is { } logo)
        {
            blocks.Add(LogoBlock(logo));
        }

        foreach (var line in ReceiptLayout.Layout(receipt, Options.WidthCharacters))
        {
            blocks.Add(TextBlock(line, fonts));
        }

        if (Options.RenderCode && receipt.Code is { } code)
        {
            blocks.Add(TextBlock(new ReceiptLine(string.Empty), fonts));
            blocks.Add(CodeBlock(code, fonts));
        }

        return Draw(blocks);
    }

    /// <summary>
    /// One laid-out line at its style and alignment, as tall as a line of that style, for the text-mode plan's
    /// <see cref="RasterLineSegment"/>s.
    /// </summary>
    public MonochromeBitmap RenderLine(ReceiptLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        using var fonts = new RenderFonts(Options);
        return Draw([TextBlock(line, fonts)]);
    }

    /// <summary>A QR code or CODE128 barcode, centred, for the text-mode plan's <see cref="RasterCodeSegment"/>s.</summary>
    /// <exception cref="ArgumentException">The code cannot be drawn within the paper width, or a CODE128 payload is not printable ASCII.</exception>
    public MonochromeBitmap RenderCode(ReceiptCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        using var fonts = new RenderFonts(Options);
        return Draw([CodeBlock(code, fonts)]);
    }

    /// <summary>The height in dots of one line of <paramref name="style"/>: the font's ascent plus descent.</summary>
    public int LineHeight(ReceiptLineStyle style)
    {
        using var fonts = new RenderFonts(Options);
        return LineHeight(fonts.For(style));
    }

    private static int LineHeight(SKFont font) => (int)MathF.Ceiling(font.Metrics.Descent - font.Metrics.Ascent);

    private RenderBlock TextBlock(ReceiptLine line, RenderFonts fonts)
    {
        var font = fonts.For(line.Style);
        var height = LineHeight(font);
        var text = line.Text.Normalize(NormalizationForm.FormC);
        var trimmed = text.TrimStart(' ');
        if (trimmed.Length == 0)
        {
            return new RenderBlock(height, (_, _) => { });
        }

        // Leading spaces are the layout's hanging indent: one Font A cell each, so indents line up as in text mode.
        var cell = (float)Options.PaperWidthDots / Options.WidthCharacters;
        var indent = (text.Length - trimmed.Length) * cell;
        var width = font.MeasureText(trimmed);
        var room = Options.PaperWidthDots - indent;
        var scaleX = width > room ? room / width : 1f;
        var drawnWidth = width * scaleX;
        var x = line.Alignment == ReceiptAlignment.Center ? (Options.PaperWidthDots - drawnWidth) / 2 : indent;
        var baseline = (int)MathF.Ceiling(-font.Metrics.Ascent);
        var typeface = font.Typeface;
        var size = font.Size;
        var fontScaleX = font.ScaleX * scaleX;
        return new RenderBlock(height, (canvas, top) =>
        {
            // A line wider than the paper (wide capitals, long words) is condensed rather than cut off.
            using var drawFont = new SKFont(typeface, size, fontScaleX) { Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.Normal };
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(trimmed, x, top + baseline, SKTextAlign.Left, drawFont, paint);
        });
    }

    private RenderBlock LogoBlock(MonochromeBitmap logo)
    {
        if (logo.Width > Options.PaperWidthDots)
        {
            throw new ArgumentException($"The receipt logo is {logo.Width} dots wide but the paper prints {Options.PaperWidthDots}; scale the logo to at most {Options.PaperWidthDots} dots.", nameof(logo));
        }

        var left = (Options.PaperWidthDots - logo.Width) / 2;
        return new RenderBlock(logo.Height, null, (pixels, rowBytes, top) =>
        {
            for (var y = 0; y < logo.Height; y++)
            {
                var row = pixels.Slice(((top + y) * rowBytes) + left, logo.Width);
                for (var x = 0; x < logo.Width; x++)
                {
                    if (logo[x, y])
                    {
                        row[x] = 0;
                    }
                }
            }
        });
    }

    private RenderBlock CodeBlock(ReceiptCode code, RenderFonts fonts) => code.Kind switch
    {
        ReceiptCodeKind.QrCode => QrBlock(code.Payload),
        ReceiptCodeKind.Code128 => Code128Block(code.Payload, fonts),
        _ => throw new ArgumentException($"Receipt code kind {code.Kind} is not one this renderer draws.", nameof(code)),
    };

    private RenderBlock QrBlock(string payload)
    {
        // UTF-8 bytes, as the text-mode encoder sends to GS ( k; the matrix includes the 4-module quiet zone.
        using var data = QRCodeGenerator.GenerateQrCode(Encoding.UTF8.GetBytes(payload), QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(index => row[index]).ToArray()).ToArray();
        var count = matrix.Length;
        var module = Math.Min(Options.QrModuleDots, Options.PaperWidthDots / count);
        if (module < 1)
        {
            throw new ArgumentException($"A QR code of {count} modules does not fit {Options.PaperWidthDots} dots; shorten the payload.", nameof(payload));
        }

        var size = count * module;
        var left = (Options.PaperWidthDots - size) / 2;
        return new RenderBlock(size, null, (pixels, rowBytes, top) =>
        {
            for (var moduleY = 0; moduleY < count; moduleY++)
            {
                for (var moduleX = 0; moduleX < count; moduleX++)
                {
                    if (matrix[moduleY][moduleX])
                    {
                        Fill(pixels, rowBytes, left + (moduleX * module), top + (moduleY * module), module, module);
                    }
                }
            }
        });
    }

    private RenderBlock Code128Block(string payload, RenderFonts fonts)
    {
        var modules = Code128Encoder.Modules(payload);
        var total = modules.Length + (2 * Code128QuietModules);
        var module = Math.Min(Options.BarcodeModuleDots, Options.PaperWidthDots / total);
        if (module < 1)
        {
            throw new ArgumentException($"A CODE128 symbol of {total} modules (with quiet zones) does not fit {Options.PaperWidthDots} dots; shorten the payload or use a QR code.", nameof(payload));
        }

        var left = (Options.PaperWidthDots - (modules.Length * module)) / 2;
        var barHeight = Options.BarcodeHeightDots;

        // Human-readable text below the bars, as GS H 2 prints it.
        var caption = TextBlock(new ReceiptLine(payload, ReceiptLineStyle.Normal, ReceiptAlignment.Center), fonts);
        return new RenderBlock(
            barHeight + caption.Height,
            (canvas, top) => caption.DrawText!(canvas, top + barHeight),
            (pixels, rowBytes, top) =>
            {
                for (var index = 0; index < modules.Length; index++)
                {
                    if (modules[index])
                    {
                        Fill(pixels, rowBytes, left + (index * module), top, module, barHeight);
                    }
                }
            });
    }

    private static void Fill(Span<byte> pixels, int rowBytes, int left, int top, int width, int height)
    {
        for (var y = top; y < top + height; y++)
        {
            pixels.Slice((y * rowBytes) + left, width).Clear();
        }
    }

    private MonochromeBitmap Draw(IReadOnlyList<RenderBlock> blocks)
    {
        var width = Options.PaperWidthDots;
        var height = Math.Max(1, blocks.Sum(block => block.Height));
        using var surface = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(surface))
        {
            canvas.Clear(SKColors.White);
            var top = 0;
            foreach (var block in blocks)
            {
                block.DrawText?.Invoke(canvas, top);
                top += block.Height;
            }

            canvas.Flush();
        }

        var pixels = surface.GetPixelSpan();
        var rowBytes = surface.RowBytes;
        var position = 0;
        foreach (var block in blocks)
        {
            block.DrawDots?.Invoke(pixels, rowBytes, position);
            position += block.Height;
        }

        return Threshold(pixels, rowBytes, width, height, Options.InkThreshold);
    }

    private static MonochromeBitmap Threshold(ReadOnlySpan<byte> pixels, int rowBytes, int width, int height, byte threshold)
    {
        var bytesPerRow = MonochromeBitmap.BytesPerRowFor(width);
        var packed = new byte[bytesPerRow * height];
        for (var y = 0; y < height; y++)
        {
            var source = pixels.Slice(y * rowBytes, width);
            var target = packed.AsSpan(y * bytesPerRow, bytesPerRow);
            for (var x = 0; x < width; x++)
            {
                if (source[x] < threshold)
                {
                    target[x >> 3] |= (byte)(0x80 >> (x & 7));
                }
            }
        }

        return new MonochromeBitmap(width, height, packed);
    }
}
