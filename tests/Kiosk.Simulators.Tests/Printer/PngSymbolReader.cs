using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Kiosk.Simulators.Tests.Printer;

/// <summary>
/// Reads barcodes and QR codes back from a receipt PNG with ZXing.Net, which drew none of them (QR codes are drawn with
/// QRCoder, CODE128 from our own table). The paper's margin is added around the print area as quiet zone.
/// </summary>
internal static class PngSymbolReader
{
    private const int Margin = 40;

    /// <summary>Every symbol ZXing finds in the PNG at <paramref name="path"/>, as (format, text).</summary>
    public static IReadOnlyList<(BarcodeFormat Format, string Text)> ReadAll(string path, params BarcodeFormat[] formats)
    {
        using var png = SKBitmap.Decode(path) ?? throw new InvalidOperationException($"{path} is not a PNG SkiaSharp can read.");
        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = false,
            Options = new DecodingOptions { TryHarder = true, PossibleFormats = formats, PureBarcode = false },
        };
        var found = new List<(BarcodeFormat, string)>();

        // Read each horizontal band between blank rows on its own, so one symbol's bars do not hide another's.
        foreach (var (top, height) in InkedBands(png))
        {
            var result = reader.Decode(new SkiaLuminanceSource(png, top, height, Margin));
            if (result is not null)
            {
                found.Add((result.BarcodeFormat, result.Text));
            }
        }

        return found;
    }

    private static IEnumerable<(int Top, int Height)> InkedBands(SKBitmap png)
    {
        // A gap shorter than a text line can be a light row inside a QR code, so only longer gaps split bands.
        const int splittingGap = 20;
        int? start = null;
        var lastInked = -1;
        for (var y = 0; y < png.Height; y++)
        {
            if (!Enumerable.Range(0, png.Width).Any(x => png.GetPixel(x, y) == SKColors.Black))
            {
                continue;
            }

            if (start is { } top && y - lastInked > splittingGap)
            {
                yield return (top, lastInked + 1 - top);
                start = null;
            }

            start ??= y;
            lastInked = y;
        }

        if (start is { } last)
        {
            yield return (last, lastInked + 1 - last);
        }
    }

    /// <summary>Luminance of rows <c>top</c> … <c>top + height − 1</c> of an SKBitmap, inside a white margin.</summary>
    private sealed class SkiaLuminanceSource : LuminanceSource
    {
        private readonly byte[] _luminance;

        public SkiaLuminanceSource(SKBitmap bitmap, int top, int height, int margin)
            : base(bitmap.Width + (2 * margin), height + (2 * margin))
        {
            _luminance = new byte[Width * Height];
            Array.Fill(_luminance, (byte)255);
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < bitmap.Width; x++)
                {
                    var color = bitmap.GetPixel(x, top + y);

                    // ITU-R BT.601 luma, as ZXing's own RGB sources weigh the channels.
                    var luma = ((color.Red * 299) + (color.Green * 587) + (color.Blue * 114)) / 1000;
                    _luminance[((y + margin) * Width) + x + margin] = (byte)luma;
                }
            }
        }

        public override byte[] Matrix => _luminance;

        public override byte[] getRow(int y, byte[] row)
        {
            row = row is { Length: var length } && length >= Width ? row : new byte[Width];
            Array.Copy(_luminance, y * Width, row, 0, Width);
            return row;
        }
    }
}
