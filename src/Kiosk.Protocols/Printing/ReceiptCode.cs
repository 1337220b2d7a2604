namespace Kiosk.Protocols.Printing;

/// <summary>An optional code printed at the foot of a receipt, such as a link to the patron's loans.</summary>
/// <param name="Payload">What the code carries. CODE128 carries printable ASCII only.</param>
/// <param name="Kind">QR code or CODE128.</param>
public sealed record ReceiptCode(string Payload, ReceiptCodeKind Kind);
