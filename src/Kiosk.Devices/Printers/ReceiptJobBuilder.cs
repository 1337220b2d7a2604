using Kiosk.Devices.Printers.Rendering;
using Kiosk.Protocols.Printing;
using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Devices.Printers;

/// <summary>
/// Turns a receipt into the bytes one printer needs, as its profile says: raster mode (the default: every line drawn
/// with the embedded Vietnamese font, sent as GS v 0 bands) or TCVN-3 text mode, where any line or code the printer
/// cannot print itself is drawn as raster instead, never printed as '?'; or raster glyphs, where the same drawn letters
/// go as user-defined characters.
/// </summary>
public sealed class ReceiptJobBuilder
{
    private readonly PrinterProfile _profile;
    private readonly ReceiptRasterRenderer _renderer;
    private readonly RasterBandOptions _bands;

    /// <summary>Creates a builder for one printer profile.</summary>
    public ReceiptJobBuilder(PrinterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
        _renderer = new ReceiptRasterRenderer(new ReceiptRasterOptions
        {
            PaperWidthDots = profile.DotsPerLine,
            WidthCharacters = profile.CharactersPerLine,
        });
        _bands = new RasterBandOptions { MaxBandHeight = profile.MaxBandHeight, MaxBandBytes = profile.MaxBandBytes };
    }

    /// <summary>The whole print job for <paramref name="receipt"/>, from reset to cut.</summary>
    public byte[] Build(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return _profile.Mode switch
        {
            PrinterMode.Tcvn3Text => BuildPlan(ReceiptTextModeEncoder.Encode(receipt, _profile.ToTextModeCapabilities())),
            PrinterMode.RasterGlyphs => BuildPlan(ReceiptGlyphModeEncoder.Encode(receipt, _profile.ToTextModeCapabilities(), UserCharacterGlyphRenderer.Shared)),
            _ => BuildRaster(receipt),
        };
    }

    private byte[] BuildRaster(Receipt receipt)
    {
        var writer = new EscPosWriter().Initialize().Raster(_renderer.Render(receipt), _bands);
        return Finish(writer).ToArray();
    }

    private byte[] BuildPlan(ReceiptPrintPlan plan)
    {
        // The plan already carries the reset, the code pages or glyphs, and the cut; only its raster parts are drawn here.
        var job = new List<byte>(4096);
        foreach (var segment in plan.Segments)
        {
            job.AddRange(segment switch
            {
                EscPosBytesSegment bytes => bytes.Bytes,
                RasterLineSegment line => new EscPosWriter().Raster(_renderer.RenderLine(line.Line), _bands).ToArray(),
                RasterCodeSegment code => new EscPosWriter().Raster(_renderer.RenderCode(code.Code), _bands).ToArray(),
                _ => throw new InvalidOperationException($"The text-mode plan holds a {segment.GetType().Name}, which the job builder does not know."),
            });
        }

        return [.. job];
    }

    private EscPosWriter Finish(EscPosWriter writer)
    {
        // Feed the last line past the cutter before cutting (ESC d n), as the printer's own text mode does.
        writer.FeedLines(4);
        return _profile.CutMode is { } cut ? writer.Cut(cut) : writer;
    }
}
