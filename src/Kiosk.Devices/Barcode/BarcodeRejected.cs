namespace Kiosk.Devices.Barcode;

/// <summary>A line from the scanner was not a valid code. Reported, skipped; the next scan is read normally.</summary>
/// <param name="Reason">What was wrong.</param>
/// <param name="Detail">Lengths and byte values for a technician; never the line's text.</param>
/// <param name="At">When it was noticed.</param>
public sealed record BarcodeRejected(BarcodeRejectionReason Reason, string Detail, DateTimeOffset At) : BarcodeScannerEvent(At);
