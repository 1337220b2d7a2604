namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>QR error-correction levels, as GS ( k function 169 numbers them (n = 48 to 51).</summary>
public enum QrCodeErrorCorrection : byte
{
    /// <summary>About 7 % of the symbol can be restored.</summary>
    Low = 48,

    /// <summary>About 15 %.</summary>
    Medium = 49,

    /// <summary>About 25 %.</summary>
    Quartile = 50,

    /// <summary>About 30 %.</summary>
    High = 51,
}
