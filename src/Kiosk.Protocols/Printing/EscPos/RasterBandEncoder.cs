using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// Turns a bitmap into the fewest bytes that print it: only inked rows go as GS v 0 bands, blank stretches go as
/// ESC J paper feeds, and each band is cut to its inked width.
/// </summary>
/// <remarks>
/// The rules, in order:
/// <list type="number">
/// <item>Rows are grouped into inked stretches. A blank stretch between two inked ones is fed (ESC J, 3 bytes per 255
/// dots) only when that is cheaper than sending its rows as raster, counting the 8-byte GS v 0 header the next band
/// then needs; short gaps (one or two rows between lines of text) stay inside the band.</item>
/// <item>Each stretch is cut into bands of at most <see cref="RasterBandOptions.MaxBandHeight"/> rows and
/// <see cref="RasterBandOptions.MaxBandBytes"/> data bytes.</item>
/// <item>With <see cref="RasterBandOptions.TrimRight"/>, a band is as wide as its widest inked row, in whole bytes.
/// GS v 0 prints from the left edge of the print area when ESC a 0 is in effect (the caller sends ESC a 0 first), so
/// the dropped blank bytes on the right change nothing on paper. Blank bytes on the left are kept: skipping them would
/// need GS L, whose horizontal motion unit differs between models.</item>
/// <item>Blank rows before the first band and after the last are fed too, so the paper moves exactly the bitmap's
/// height: ESC J and GS v 0 both advance the paper by what they print, with no line spacing added.</item>
/// </list>
/// ESC J counts vertical motion units; this encoder takes one unit as one dot, as on 203 dpi printers at their default
/// motion unit. A profile whose unit differs must scale the feeds.
/// </remarks>
public static class RasterBandEncoder
{
    private const int FeedCommandLength = 3;
    private const int MaxFeedPerCommand = 255;

    /// <summary>The smallest command sequence that prints <paramref name="bitmap"/>.</summary>
    public static RasterPlan Encode(MonochromeBitmap bitmap, RasterBandOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        options ??= RasterBandOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBandHeight);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBandBytes, bitmap.BytesPerRow);

        var commands = new List<EscPosCommand>();
        var stretches = InkedStretches(bitmap);
        var position = 0;
        foreach (var (top, height) in stretches)
        {
            AddFeed(commands, top - position);
            AddBands(commands, bitmap, top, height, options);
            position = top + height;
        }

        AddFeed(commands, bitmap.Height - position);

        var buffer = new ArrayBufferWriter<byte>();
        foreach (var command in commands)
        {
            command.Encode(buffer);
        }

        return new RasterPlan { Commands = commands, Bytes = buffer.WrittenSpan.ToArray() };
    }

    private static List<(int Top, int Height)> InkedStretches(MonochromeBitmap bitmap)
    {
        var raw = new List<(int Top, int Height)>();
        var y = 0;
        while (y < bitmap.Height)
        {
            if (bitmap.IsRowBlank(y))
            {
                y++;
                continue;
            }

            var top = y;
            while (y < bitmap.Height && !bitmap.IsRowBlank(y))
            {
                y++;
            }

            raw.Add((top, y - top));
        }

        var merged = new List<(int Top, int Height)>();
        foreach (var stretch in raw)
        {
            if (merged.Count > 0)
            {
                var (previousTop, previousHeight) = merged[^1];
                var gap = stretch.Top - (previousTop + previousHeight);
                var width = Math.Max(WidestInk(bitmap, previousTop, previousHeight), WidestInk(bitmap, stretch.Top, stretch.Height));
                var rasterCost = gap * width;
                var feedCost = (((gap + MaxFeedPerCommand - 1) / MaxFeedPerCommand) * FeedCommandLength) + RasterImageCommand.HeaderLength;
                if (rasterCost <= feedCost)
                {
                    merged[^1] = (previousTop, stretch.Top + stretch.Height - previousTop);
                    continue;
                }
            }

            merged.Add(stretch);
        }

        return merged;
    }

    private static void AddBands(List<EscPosCommand> commands, MonochromeBitmap bitmap, int top, int height, RasterBandOptions options)
    {
        var rowsPerBand = Math.Min(options.MaxBandHeight, options.MaxBandBytes / bitmap.BytesPerRow);
        var end = top + height;
        for (var bandTop = top; bandTop < end; bandTop += rowsPerBand)
        {
            var bandHeight = Math.Min(rowsPerBand, end - bandTop);
            var width = options.TrimRight ? Math.Max(1, WidestInk(bitmap, bandTop, bandHeight)) : bitmap.BytesPerRow;
            commands.Add(new RasterImageCommand(bitmap.Slice(bandTop, bandHeight, width)));
        }
    }

    private static int WidestInk(MonochromeBitmap bitmap, int top, int height)
    {
        var widest = 0;
        for (var y = top; y < top + height; y++)
        {
            widest = Math.Max(widest, bitmap.InkedBytes(y));
        }

        return widest;
    }

    private static void AddFeed(List<EscPosCommand> commands, int dots)
    {
        while (dots > 0)
        {
            var step = Math.Min(dots, MaxFeedPerCommand);
            commands.Add(new FeedDotsCommand((byte)step));
            dots -= step;
        }
    }
}
