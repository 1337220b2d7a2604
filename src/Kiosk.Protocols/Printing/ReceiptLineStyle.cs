namespace Kiosk.Protocols.Printing;

/// <summary>How a laid-out line is emphasised.</summary>
public enum ReceiptLineStyle
{
    Normal,

    /// <summary>Bold.</summary>
    Bold,

    /// <summary>Bold at double height, same width, so it wraps at the normal character width.</summary>
    Heading,
}
