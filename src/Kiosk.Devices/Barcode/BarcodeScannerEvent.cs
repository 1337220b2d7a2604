namespace Kiosk.Devices.Barcode;

/// <summary>Something the scanner driver reports, in the order it happened: a scan, a rejected line, or a link change.</summary>
/// <param name="At">When the driver observed it, on its <see cref="TimeProvider"/>.</param>
public abstract record BarcodeScannerEvent(DateTimeOffset At);
