using Kiosk.Devices.Printers.Rendering;
using Kiosk.Protocols.Printing;
using System.Globalization;
using System.Text;
using Kiosk.Devices.Printers;
using Kiosk.Protocols.Printing.EscPos;

namespace Kioskctl.Commands;

/// <summary>
/// The page <c>kioskctl printer test</c> prints: a Vietnamese pangram in each mode (TCVN-3 text, raster bands of the
/// embedded font, and the same font's glyphs as user-defined characters), a chart of the two TCVN-3 pages (bytes
/// 0x80–0xFF), and a generated raster ruler.
/// </summary>
internal static class PrinterTestPage
{
    /// <summary>A Vietnamese pangram: every letter of the alphabet, with tone marks.</summary>
    public const string Pangram = "Do bạch kim rất quý nên sẽ dùng để lắp vô xương.";

    /// <summary>The pangram in capitals, which TCVN-3 keeps on the second page.</summary>
    public static readonly string PangramCapitals = Pangram.ToUpperInvariant();

    public static byte[] Build(PrinterProfile profile, string printerDescription)
    {
        var lower = (byte)profile.Tcvn3LowercasePage;
        var capitals = (byte)profile.Tcvn3CapitalsPage;
        var writer = new EscPosWriter().Initialize();
        writer.Bold(on: true).Text(Ascii("KIOSK PRINTER TEST")).Bold(on: false).LineFeed();
        writer.Text(Ascii(printerDescription)).LineFeed();
        writer.Text(Ascii(string.Create(CultureInfo.InvariantCulture, $"{profile.PaperWidthMillimetres} mm, {profile.DotsPerLine} dots, {profile.CharactersPerLine} chars"))).LineFeed();
        writer.FeedLines(1);

        writer.Text(Ascii(string.Create(CultureInfo.InvariantCulture, $"TCVN-3 text, pages {lower}/{capitals}:"))).LineFeed();
        WriteTcvn3(writer, Pangram, lower, capitals);
        writer.LineFeed();
        WriteTcvn3(writer, PangramCapitals, lower, capitals);
        writer.LineFeed().FeedLines(1);

        var spaced = profile.CharactersPerLine >= 3 + 32;
        foreach (var page in new[] { lower, capitals })
        {
            writer.SelectCodePage(0).Text(Ascii(string.Create(CultureInfo.InvariantCulture, $"Code page {page}, bytes 80-FF:"))).LineFeed();
            for (var row = 0x80; row <= 0xF0; row += 0x10)
            {
                writer.SelectCodePage(0).Text(Ascii(string.Create(CultureInfo.InvariantCulture, $"{row >> 4:X}x ")));
                var bytes = new List<byte>();
                for (var column = 0; column < 16; column++)
                {
                    bytes.Add((byte)(row + column));
                    if (spaced && column < 15)
                    {
                        bytes.Add((byte)' ');
                    }
                }

                writer.SelectCodePage(page).Text(bytes.ToArray()).LineFeed();
            }
        }

        var bands = new RasterBandOptions { MaxBandHeight = profile.MaxBandHeight, MaxBandBytes = profile.MaxBandBytes };
        writer.SelectCodePage(0).FeedLines(1);
        writer.Text(Ascii("Raster text (embedded Noto Sans):")).LineFeed();
        var renderer = new ReceiptRasterRenderer(new ReceiptRasterOptions { PaperWidthDots = profile.DotsPerLine, WidthCharacters = profile.CharactersPerLine });
        foreach (var line in new[] { Pangram, PangramCapitals })
        {
            writer.Raster(renderer.RenderLine(new ReceiptLine(line, ReceiptLineStyle.Normal, ReceiptAlignment.Left)), bands);
        }

        writer.FeedLines(1);
        writer.Text(Ascii("Raster glyphs (ESC &, user-defined characters):")).LineFeed();
        writer.Write(new SelectUserCharactersCommand(true));
        var glyphLines = new UserCharacterLineWriter(UserCharacterGlyphRenderer.Shared);
        foreach (var line in new[] { Pangram, PangramCapitals })
        {
            glyphLines.Write(writer, line.Length > profile.CharactersPerLine ? line[..profile.CharactersPerLine] : line);
            writer.LineFeed();
        }

        writer.Write(new SelectUserCharactersCommand(false));
        writer.FeedLines(1);
        writer.Text(Ascii(string.Create(CultureInfo.InvariantCulture, $"Raster ruler, {profile.DotsPerLine} dots (test pattern):"))).LineFeed();
        writer.Raster(Ruler(profile.DotsPerLine), bands);
        writer.FeedLines(4);
        if (profile.CutMode is { } cut)
        {
            writer.Cut(cut);
        }

        return writer.ToArray();
    }

    /// <summary>A ruler: a line along the top, ticks every 8 dots, longer every 48 (four font A characters) and every 96.</summary>
    public static MonochromeBitmap Ruler(int width)
    {
        const int Height = 48;
        var ruler = new MonochromeBitmap(width, Height);
        for (var x = 0; x < width; x++)
        {
            ruler[x, 0] = true;
            ruler[x, 1] = true;
            var tick = x == 0 || x == width - 1 ? Height : x % 96 == 0 ? 40 : x % 48 == 0 ? 24 : x % 8 == 0 ? 10 : 0;
            for (var y = 2; y < tick; y++)
            {
                ruler[x, y] = true;
            }
        }

        return ruler;
    }

    private static void WriteTcvn3(EscPosWriter writer, string text, byte lowerPage, byte capitalsPage)
    {
        byte? current = null;
        var run = new List<byte>();
        foreach (var character in text.Normalize(NormalizationForm.FormC))
        {
            var table = Tcvn3Encoding.Classify(character) == Tcvn3CharacterClass.Capital ? Tcvn3Table.Capitals : Tcvn3Table.Lowercase;
            var page = table == Tcvn3Table.Capitals ? capitalsPage : lowerPage;
            if (Tcvn3Encoding.Classify(character) != Tcvn3CharacterClass.Ascii && page != current)
            {
                writer.Text(run.ToArray());
                run.Clear();
                writer.SelectCodePage(page);
                current = page;
            }

            run.Add(Tcvn3Encoding.TryEncode(character, table, out var value) ? value : (byte)'?');
        }

        writer.Text(run.ToArray());
    }

    private static byte[] Ascii(string text) => [.. text.Select(character => character is >= ' ' and <= '~' ? (byte)character : (byte)'?')];
}
