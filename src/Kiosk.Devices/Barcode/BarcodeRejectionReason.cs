namespace Kiosk.Devices.Barcode;

/// <summary>Why a line from the scanner was not accepted as a code.</summary>
public enum BarcodeRejectionReason
{
    /// <summary>It held bytes outside printable ASCII (line noise, a wrong baud rate, a binary symbology).</summary>
    NotPrintable,

    /// <summary>It was longer than <see cref="BarcodeScannerOptions.MaximumLength"/>, or never ended.</summary>
    TooLong,

    /// <summary>It was shorter than <see cref="BarcodeScannerOptions.MinimumLength"/>.</summary>
    TooShort,

    /// <summary>It did not start with <see cref="BarcodeScannerOptions.Prefix"/>.</summary>
    MissingPrefix,

    /// <summary>Bytes arrived, then nothing for <see cref="BarcodeScannerOptions.InterCharacterTimeout"/>, without a suffix.</summary>
    Incomplete,
}
