namespace Kiosk.Protocols.Printing;

/// <summary>One printed line, at most the layout's width in characters.</summary>
public sealed record ReceiptLine(string Text, ReceiptLineStyle Style = ReceiptLineStyle.Normal, ReceiptAlignment Alignment = ReceiptAlignment.Left);
