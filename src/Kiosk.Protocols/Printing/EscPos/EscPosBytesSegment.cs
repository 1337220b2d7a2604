namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>ESC/POS bytes ready to send.</summary>
public sealed record EscPosBytesSegment(byte[] Bytes) : ReceiptPrintSegment;
