using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Devices.Printers;

/// <summary>
/// One printer model's settings, kept as a JSON file in <c>firmware-config/printers/</c>: paper, code pages, mode,
/// cutter, raster limits and how to reach it. Loaded and checked at start by <see cref="PrinterProfileLoader"/>.
/// </summary>
public sealed class PrinterProfile
{
    /// <summary>The printer's name, such as "receipt"; logs use it.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,31}$", ErrorMessage = "name must be lower-case letters, digits and dashes, such as 'receipt'.")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Paper roll width: 80 or 58 mm.</summary>
    [Range(58, 80, ErrorMessage = "paperWidthMillimetres must be 58 or 80.")]
    public int PaperWidthMillimetres { get; set; } = 80;

    /// <summary>Printable dots per line at 203 dpi: 576 on 80 mm, 384 on 58 mm.</summary>
    [Range(128, 832)]
    public int DotsPerLine { get; set; } = 576;

    /// <summary>Characters per line in font A (12 dots each): 48 on 80 mm, 32 on 58 mm.</summary>
    [Range(16, 64)]
    public int CharactersPerLine { get; set; } = 48;

    /// <summary>The ESC t page holding TCVN-3 lower case: 30 on Epson; clones differ.</summary>
    [Range(0, 255)]
    public int Tcvn3LowercasePage { get; set; } = 30;

    /// <summary>The ESC t page holding TCVN-3 capitals: 31 on Epson.</summary>
    [Range(0, 255)]
    public int Tcvn3CapitalsPage { get; set; } = 31;

    /// <summary>Raster (default) or TCVN-3 text.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<PrinterMode>))]
    public PrinterMode Mode { get; set; } = PrinterMode.Raster;

    /// <summary>The cut that ends a receipt.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<PrinterCutter>))]
    public PrinterCutter Cutter { get; set; } = PrinterCutter.Partial;

    /// <summary>Whether the printer draws QR codes itself (GS ( k); otherwise they are sent as raster.</summary>
    public bool SupportsQrCode { get; set; }

    /// <summary>The tallest GS v 0 band the printer takes, in dots.</summary>
    [Range(1, 2303)]
    public int MaxBandHeight { get; set; } = 255;

    /// <summary>The largest GS v 0 band in bytes; some clones lose bands over a few kilobytes.</summary>
    [Range(1, 65535)]
    public int MaxBandBytes { get; set; } = 65535;

    /// <summary>How to reach the printer.</summary>
    [Required]
    public PrinterTransportProfile? Transport { get; set; }

    /// <summary>The cut mode, or null for no cutter.</summary>
    public EscPosCutMode? CutMode => Cutter switch
    {
        PrinterCutter.Full => EscPosCutMode.Full,
        PrinterCutter.Partial => EscPosCutMode.Partial,
        _ => null,
    };

    /// <summary>What the text-mode encoder needs from this profile.</summary>
    public TextModeCapabilities ToTextModeCapabilities() => new()
    {
        WidthCharacters = CharactersPerLine,
        Tcvn3LowercasePage = (byte)Tcvn3LowercasePage,
        Tcvn3CapitalsPage = (byte)Tcvn3CapitalsPage,
        SupportsQrCode = SupportsQrCode,
        HasCutter = Cutter != PrinterCutter.None,
        Raster = new RasterBandOptions { MaxBandHeight = MaxBandHeight, MaxBandBytes = MaxBandBytes },
    };
}
