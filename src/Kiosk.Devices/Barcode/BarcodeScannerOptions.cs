using System.ComponentModel.DataAnnotations;
using Kiosk.Devices.Transports;
using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Barcode;

/// <summary>How a serial barcode scanner frames its codes, and which codes the kiosk accepts. The port itself is the transport's business.</summary>
public sealed class BarcodeScannerOptions
{
    /// <summary>What the scanner sends after each code.</summary>
    [EnumDataType(typeof(BarcodeSuffix), ErrorMessage = "Suffix must be CarriageReturn, LineFeed, CarriageReturnLineFeed, Tab or None; match the suffix programmed into the scanner.")]
    public BarcodeSuffix Suffix { get; set; } = BarcodeSuffix.CarriageReturn;

    /// <summary>Characters the scanner sends before each code (such as STX, "\u0002"); empty for none. Stripped from the code.</summary>
    [MaxLength(8, ErrorMessage = "Prefix must be at most {1} characters; scanners send a short fixed prefix, if any.")]
    public string Prefix { get; set; } = string.Empty;

    /// <summary>
    /// The silence that ends a code when <see cref="Suffix"/> is None, and after which half a line is discarded
    /// otherwise. A scanner sends a code in one burst (about 1 ms per character at 9600 baud); USB serial adapters
    /// hold bytes for up to 16 ms (the FTDI latency timer), so 100 ms leaves a wide margin.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.005", "00:00:05", ErrorMessage = "InterCharacterTimeout must be between {1} and {2}; 00:00:00.100 suits scanners behind USB adapters.")]
    public TimeSpan InterCharacterTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The shortest code accepted, after trimming and removing the prefix.</summary>
    [Range(1, 256, ErrorMessage = "MinimumLength must be between {1} and {2}; library item barcodes are rarely shorter than 4.")]
    public int MinimumLength { get; set; } = 1;

    /// <summary>The longest code accepted; a longer line is reported and skipped up to its suffix.</summary>
    [Range(1, 256, ErrorMessage = "MaximumLength must be between {1} and {2}; 64 covers item barcodes, patron cards and ISBNs.")]
    public int MaximumLength { get; set; } = 64;

    /// <summary>How the scanner's port is reopened after it vanishes.</summary>
    [ValidateObjectMembers]
    public SerialSupervisorOptions Reconnect { get; set; } = new();
}
