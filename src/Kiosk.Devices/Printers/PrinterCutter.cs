namespace Kiosk.Devices.Printers;

/// <summary>What cut ends a receipt (GS V).</summary>
public enum PrinterCutter
{
    /// <summary>Leave a tab so the receipt hangs until pulled: the kiosk default, nothing falls on the floor.</summary>
    Partial,

    /// <summary>Cut right through.</summary>
    Full,

    /// <summary>No cutter: feed only, the patron tears it off.</summary>
    None,
}
