namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>What a printer profile says about printing a receipt as TCVN-3 text.</summary>
public sealed record TextModeCapabilities
{
    /// <summary>Characters per line in Font A: 48 on 80 mm paper, 32 on 58 mm.</summary>
    public int WidthCharacters { get; init; } = ReceiptLayout.Width80Millimetres;

    /// <summary>The ESC t number of the TCVN-3 lowercase table: 30 on Epson, different on some clones.</summary>
    public byte Tcvn3LowercasePage { get; init; } = 30;

    /// <summary>The ESC t number of the TCVN-3 capitals table: 31 on Epson.</summary>
    public byte Tcvn3CapitalsPage { get; init; } = 31;

    /// <summary>Whether the printer draws QR codes itself (GS ( k); otherwise the code is rendered as raster.</summary>
    public bool SupportsQrCode { get; init; } = true;

    /// <summary>Whether the printer has an auto-cutter; otherwise the paper is fed for tearing.</summary>
    public bool HasCutter { get; init; } = true;

    /// <summary>How bands for the logo are sent.</summary>
    public RasterBandOptions Raster { get; init; } = RasterBandOptions.Default;
}
