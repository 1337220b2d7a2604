namespace Kiosk.Protocols.Printing;

/// <summary>How a laid-out line sits across the paper.</summary>
public enum ReceiptAlignment
{
    Left,
    Center,
}
