namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>What the printer profile says about raster bands.</summary>
public sealed record RasterBandOptions
{
    /// <summary>Defaults that every TM-compatible printer we know accepts.</summary>
    public static RasterBandOptions Default { get; } = new();

    /// <summary>
    /// The tallest band, in dots. GS v 0 allows y ≤ 2303 on TM printers, but clones with small receive buffers drop
    /// data in tall bands, so profiles usually say 24–255.
    /// </summary>
    public int MaxBandHeight { get; init; } = 255;

    /// <summary>The most data bytes in one band (x · y), for printers whose buffer is smaller than one tall band.</summary>
    public int MaxBandBytes { get; init; } = 65535;

    /// <summary>
    /// Whether trailing blank bytes of a band's rows may be dropped. True for printers that print GS v 0 from the left
    /// edge of the print area under ESC a 0 (all TM printers): the dropped bytes would have printed nothing.
    /// </summary>
    public bool TrimRight { get; init; } = true;
}
