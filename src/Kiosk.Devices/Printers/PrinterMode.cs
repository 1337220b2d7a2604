namespace Kiosk.Devices.Printers;

/// <summary>How receipts are sent to a printer (PROTOCOLS.md, "ESC/POS", Vietnamese).</summary>
public enum PrinterMode
{
    /// <summary>Text drawn as a raster image: works on every printer, the default.</summary>
    Raster,

    /// <summary>
    /// Text drawn with the embedded font like <see cref="Raster"/>, but sent as user-defined characters (ESC &amp;): each
    /// distinct letter once, then one byte per character. A quarter of the bytes of raster bands; needs a printer that
    /// keeps ESC &amp; glyphs 12 × 24 (Font A), as TM printers do.
    /// </summary>
    RasterGlyphs,

    /// <summary>Text in TCVN-3 code pages: smaller and faster, only where the printer's pages are known to be right.</summary>
    Tcvn3Text,
}
