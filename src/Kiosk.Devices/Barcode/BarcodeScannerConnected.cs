namespace Kiosk.Devices.Barcode;

/// <summary>The scanner's port is open and codes can arrive.</summary>
/// <param name="PortName">The port.</param>
/// <param name="At">When it opened.</param>
public sealed record BarcodeScannerConnected(string PortName, DateTimeOffset At) : BarcodeScannerEvent(At);
