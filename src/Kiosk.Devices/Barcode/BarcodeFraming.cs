namespace Kiosk.Devices.Barcode;

/// <summary>The bytes of each suffix, shared by the driver and the scanner simulator so both frame alike.</summary>
public static class BarcodeFraming
{
    /// <summary>The bytes the scanner sends after a code with <paramref name="suffix"/>.</summary>
    public static ReadOnlySpan<byte> SuffixBytes(BarcodeSuffix suffix) => suffix switch
    {
        BarcodeSuffix.CarriageReturn => "\r"u8,
        BarcodeSuffix.LineFeed => "\n"u8,
        BarcodeSuffix.CarriageReturnLineFeed => "\r\n"u8,
        BarcodeSuffix.Tab => "\t"u8,
        BarcodeSuffix.None => [],
        _ => throw new ArgumentOutOfRangeException(nameof(suffix), suffix, "Unknown barcode suffix; use CarriageReturn, LineFeed, CarriageReturnLineFeed, Tab or None."),
    };

    /// <summary>The byte that ends a line with <paramref name="suffix"/>, or null when the gap ends it.</summary>
    public static byte? Terminator(BarcodeSuffix suffix) => suffix switch
    {
        BarcodeSuffix.CarriageReturn => (byte)'\r',
        BarcodeSuffix.LineFeed or BarcodeSuffix.CarriageReturnLineFeed => (byte)'\n',
        BarcodeSuffix.Tab => (byte)'\t',
        _ => null,
    };
}
