namespace Kiosk.Devices.Printers;

/// <summary>How receipts are sent to a printer (PROTOCOLS.md, "ESC/POS", Vietnamese).</summary>
public enum PrinterMode
{
    /// <summary>Text drawn as a raster image: works on every printer, the default.</summary>
    Raster,

    /// <summary>Text in TCVN-3 code pages: smaller and faster, only where the printer's pages are known to be right.</summary>
    Tcvn3Text,
}
