namespace Kiosk.Devices.Barcode;

/// <summary>What a serial scanner sends after each code (set in the scanner by a programming barcode).</summary>
public enum BarcodeSuffix
{
    /// <summary>CR (0x0D), the usual factory setting.</summary>
    CarriageReturn,

    /// <summary>LF (0x0A).</summary>
    LineFeed,

    /// <summary>CR LF (0x0D 0x0A). The line ends at LF; the CR is trimmed.</summary>
    CarriageReturnLineFeed,

    /// <summary>TAB (0x09).</summary>
    Tab,

    /// <summary>Nothing: a code ends when no byte follows within <see cref="BarcodeScannerOptions.InterCharacterTimeout"/>.</summary>
    None,
}
