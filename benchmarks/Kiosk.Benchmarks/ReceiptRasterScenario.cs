using System.Diagnostics;
using System.Globalization;
using Kiosk.Devices.Printers.Rendering;
using Kiosk.Protocols.Printing;
using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Benchmarks;

/// <summary>
/// The receipt-raster scenario: build the 10-item Vietnamese receipt N times (render + band encoding), and report the
/// mean build time against 20 ms and the wire time of its bytes at 38400 baud 8N1 against 1.5 s.
/// </summary>
internal static class ReceiptRasterScenario
{
    public const string Name = "receipt-raster";

    private const int BaudRate = 38400;
    private static readonly TimeSpan s_buildGoal = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan s_wireGoal = TimeSpan.FromSeconds(1.5);

    private static (double MeanMilliseconds, TimeSpan Wire) MeasureGlyphMode(Receipt receipt, ReceiptRasterOptions options, int rounds, TextWriter output, string paper)
    {
        var capabilities = new TextModeCapabilities { WidthCharacters = options.WidthCharacters };

        // Cold: a fresh glyph cache, as the first receipt after the kiosk starts.
        var coldStart = Stopwatch.GetTimestamp();
        var plan = ReceiptGlyphModeEncoder.Encode(receipt, capabilities, new UserCharacterGlyphRenderer());
        var cold = Stopwatch.GetElapsedTime(coldStart).TotalMilliseconds;
        var renderer = new UserCharacterGlyphRenderer();
        for (var warmUp = 0; warmUp < 20; warmUp++)
        {
            plan = ReceiptGlyphModeEncoder.Encode(receipt, capabilities, renderer);
        }

        var times = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            var start = Stopwatch.GetTimestamp();
            plan = ReceiptGlyphModeEncoder.Encode(receipt, capabilities, renderer);
            times[round] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        var mean = times.Average();
        var bytes = plan.ToBytes();
        var wire = TimeSpan.FromSeconds(bytes.Length * 10.0 / BaudRate);
        var document = EscPosDecoder.DecodeAll(bytes);
        var glyphs = document.Items.Select(item => item.Command).OfType<DefineUserCharactersCommand>().Sum(define => define.Glyphs.Count);
        var height = document.Text.Count(c => c == '\n') * UserCharacterGlyphRenderer.CellHeight;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {paper} glyphs | {options.PaperWidthDots} | ~{height} | {mean:F2} (cold {cold:F1}) | {times[(int)(0.95 * (rounds - 1))]:F2} | {bytes.Length} | {wire.TotalSeconds:F2} | {glyphs} |"));
        return (mean, wire);
    }

    public static int Run(string[] args, TextWriter output)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var receipt = TenItemVietnameseReceipt.Create();
        var failed = false;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"receipt-raster: 10-item Vietnamese receipt, {rounds} builds after 20 warm-up builds, {BaudRate} baud 8N1"));
        output.WriteLine("| paper, delivery | dots | height | mean build ms | p95 build ms | bytes | wire s @38400 | bands / glyphs |");
        output.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (paper, options) in new[] { ("80 mm", ReceiptRasterOptions.Paper80Millimetres), ("58 mm", ReceiptRasterOptions.Paper58Millimetres) })
        {
            var renderer = new ReceiptRasterRenderer(options);
            RasterPlan plan = null!;
            MonochromeBitmap bitmap = null!;
            for (var warmUp = 0; warmUp < 20; warmUp++)
            {
                bitmap = renderer.Render(receipt);
                plan = RasterBandEncoder.Encode(bitmap);
            }

            var times = new double[rounds];
            for (var round = 0; round < rounds; round++)
            {
                var start = Stopwatch.GetTimestamp();
                bitmap = renderer.Render(receipt);
                plan = RasterBandEncoder.Encode(bitmap);
                times[round] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(times);
            var mean = times.Average();
            var p95 = times[(int)(0.95 * (rounds - 1))];
            var wire = plan.TransmissionTime(BaudRate);
            var bands = plan.Commands.Count(command => command is RasterImageCommand);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {paper} bands | {bitmap.Width} | {bitmap.Height} | {mean:F2} | {p95:F2} | {plan.ByteCount} | {wire.TotalSeconds:F2} | {bands} |"));
            var glyphs = MeasureGlyphMode(receipt, options, rounds, output, paper);
            failed |= glyphs.MeanMilliseconds > s_buildGoal.TotalMilliseconds || glyphs.Wire > s_wireGoal;
        }

        // What else would reach the wire goal: smaller glyphs, and TCVN-3 text mode (no raster at all for this receipt).
        var small = RasterBandEncoder.Encode(new ReceiptRasterRenderer(ReceiptRasterOptions.Paper80Millimetres with { FontSizeDots = 16 }).Render(receipt));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alternative: raster at 16 dots/em (80 mm): {small.ByteCount} bytes, {small.TransmissionTime(BaudRate).TotalSeconds:F2} s"));
        var textPlan = ReceiptTextModeEncoder.Encode(receipt, new TextModeCapabilities());
        if (!textPlan.NeedsRaster)
        {
            var textBytes = textPlan.ToBytes().Length;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alternative: TCVN-3 text mode (80 mm): {textBytes} bytes, {textBytes * 10.0 / BaudRate:F2} s"));
        }

        output.WriteLine("The goals are judged on raster glyphs (ESC &, the shipped Epson profile's mode). GS v 0 bands print the same");
        output.WriteLine("letters as one picture and cannot meet the wire goal at a legible size: the ink of 30 lines of text is ~20 KB.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"goals: mean build ≤ {s_buildGoal.TotalMilliseconds} ms; wire ≤ {s_wireGoal.TotalSeconds} s = {BaudRate / 10 * s_wireGoal.TotalSeconds} bytes"));
        return failed ? 1 : 0;
    }
}
