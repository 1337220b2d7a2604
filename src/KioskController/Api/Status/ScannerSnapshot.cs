namespace KioskController.Api.Status;

/// <summary>The barcode scanner as <c>/api/status</c> shows it.</summary>
/// <param name="Port">The scanner's serial port.</param>
/// <param name="Status">connected or disconnected.</param>
/// <param name="Reason">Why, when it is not connected.</param>
public sealed record ScannerSnapshot(string Port, string Status, string? Reason);
