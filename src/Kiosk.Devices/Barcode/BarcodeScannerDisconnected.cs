namespace Kiosk.Devices.Barcode;

/// <summary>The scanner's port is missing, refused, or was lost; the driver retries on its own.</summary>
/// <param name="PortName">The port.</param>
/// <param name="Reason">Why, in words a technician can act on.</param>
/// <param name="RetryIn">The wait before the next attempt.</param>
/// <param name="At">When it was noticed.</param>
public sealed record BarcodeScannerDisconnected(string PortName, string Reason, TimeSpan RetryIn, DateTimeOffset At) : BarcodeScannerEvent(At);
