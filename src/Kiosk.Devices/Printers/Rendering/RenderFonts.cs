using Kiosk.Protocols.Printing;
using SkiaSharp;

namespace Kiosk.Devices.Printers.Rendering;

/// <summary>The three fonts a receipt uses, at the options' size: normal, bold, and the double-height bold heading.</summary>
internal sealed class RenderFonts : IDisposable
{
    private readonly SKFont _normal;
    private readonly SKFont _bold;
    private readonly SKFont _heading;

    public RenderFonts(ReceiptRasterOptions options)
    {
        _normal = Create(ReceiptFonts.Regular, options.FontSizeDots, 1f);
        _bold = Create(ReceiptFonts.Bold, options.FontSizeDots, 1f);

        // Twice the height at the same advance, as GS ! 0x01 prints a heading in text mode.
        _heading = Create(ReceiptFonts.Bold, options.FontSizeDots * 2, 0.5f);
    }

    public SKFont For(ReceiptLineStyle style) => style switch
    {
        ReceiptLineStyle.Bold => _bold,
        ReceiptLineStyle.Heading => _heading,
        _ => _normal,
    };

    public void Dispose()
    {
        _normal.Dispose();
        _bold.Dispose();
        _heading.Dispose();
    }

    private static SKFont Create(SKTypeface typeface, float size, float scaleX) =>
        new(typeface, size, scaleX) { Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.Normal };
}
