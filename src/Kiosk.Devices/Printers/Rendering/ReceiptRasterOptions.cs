using System.ComponentModel.DataAnnotations;
using Kiosk.Protocols.Printing;

namespace Kiosk.Devices.Printers.Rendering;

/// <summary>How <see cref="ReceiptRasterRenderer"/> draws a receipt: paper width, glyph size and code sizes.</summary>
public sealed record ReceiptRasterOptions
{
    /// <summary>80 mm paper: 576 dots (72 mm print width at 203 dpi), laid out at 48 characters.</summary>
    public static ReceiptRasterOptions Paper80Millimetres { get; } = new();

    /// <summary>58 mm paper: 384 dots (48 mm print width at 203 dpi), laid out at 32 characters.</summary>
    public static ReceiptRasterOptions Paper58Millimetres { get; } = new() { PaperWidthDots = 384, WidthCharacters = ReceiptLayout.Width58Millimetres };

    /// <summary>The printable width in dots: 576 on 80 mm paper, 384 on 58 mm. Every rendered bitmap is this wide.</summary>
    [Range(64, 2048)]
    public int PaperWidthDots { get; init; } = 576;

    /// <summary>The characters per line <see cref="ReceiptLayout"/> wraps at, as in text mode.</summary>
    [Range(16, 128)]
    public int WidthCharacters { get; init; } = ReceiptLayout.Width80Millimetres;

    /// <summary>
    /// The em size of normal text, in dots. 22 dots (2.75 mm, about 7.8 pt at 203 dpi) gives an x-height of about 12
    /// dots and 4–5 dots per stacked diacritic, so the two marks of "ẫ" or the horn and hook of "Ở" stay apart after
    /// thresholding; at 18 dots they merge into one blob. 48 characters of Noto Sans at 22 dots average about 560 dots,
    /// which fits 576. Headings are drawn at twice this height and the same width, like GS ! 0x01.
    /// </summary>
    [Range(8, 96)]
    public float FontSizeDots { get; init; } = 22;

    /// <summary>The side of one QR module in dots, as GS ( k function 167 would set it (default 6).</summary>
    [Range(1, 16)]
    public int QrModuleDots { get; init; } = 6;

    /// <summary>The width of the narrowest CODE128 bar in dots, as GS w would set it (default 2).</summary>
    [Range(1, 6)]
    public int BarcodeModuleDots { get; init; } = 2;

    /// <summary>The height of CODE128 bars in dots, as GS h would set it (the writer's default, 80).</summary>
    [Range(16, 255)]
    public int BarcodeHeightDots { get; init; } = 80;

    /// <summary>Whether a receipt's <see cref="Receipt.Code"/> is drawn into the bitmap (for printers that cannot draw it).</summary>
    public bool RenderCode { get; init; } = true;

    /// <summary>Grey levels below this (0 black – 255 white) become ink. A plain threshold, no dithering, so glyph edges stay crisp; 176 rather than the midpoint keeps Noto Sans Regular stems two dots wide at 22 dots, where 128 leaves one-dot strokes that print faint on thermal paper.</summary>
    [Range(1, 255)]
    public byte InkThreshold { get; init; } = 176;
}
