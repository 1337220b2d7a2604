using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Devices.Printers;

/// <summary>
/// The meaning of the four real-time status bytes (Epson ESC/POS reference, "DLE EOT n: Transmit real-time status",
/// n = 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor). In every one bit 0 and bit 7 are 0 and bits 1
/// and 4 are 1; that fixed pattern tells a status byte from anything else on the line.
/// </summary>
public static class PrinterStatusBytes
{
    /// <summary>The fixed bits of every status byte: bits 0, 1, 4 and 7.</summary>
    public const byte FixedMask = 0x93;

    /// <summary>The value of the fixed bits: 0 0 0 1 0 0 1 0.</summary>
    public const byte FixedValue = 0x12;

    /// <summary>n = 1 bit 3: offline.</summary>
    public const byte Offline = 0x08;

    /// <summary>n = 2 bit 2: cover open.</summary>
    public const byte CoverOpen = 0x04;

    /// <summary>n = 2 bit 3: paper being fed by the feed button.</summary>
    public const byte FeedButton = 0x08;

    /// <summary>n = 2 bit 5: printing stopped for paper end.</summary>
    public const byte StoppedForPaperEnd = 0x20;

    /// <summary>n = 2 bit 6: an error occurred.</summary>
    public const byte ErrorOccurred = 0x40;

    /// <summary>n = 3 bit 3: autocutter error.</summary>
    public const byte CutterError = 0x08;

    /// <summary>n = 3 bit 5: unrecoverable error.</summary>
    public const byte UnrecoverableError = 0x20;

    /// <summary>n = 3 bit 6: automatically recoverable error (such as print head too hot).</summary>
    public const byte AutoRecoverableError = 0x40;

    /// <summary>n = 4 bits 2 and 3: roll paper near-end sensor, paper near end.</summary>
    public const byte PaperNearEnd = 0x0C;

    /// <summary>n = 4 bits 5 and 6: roll paper end sensor, paper end.</summary>
    public const byte PaperEnd = 0x60;

    /// <summary>Whether <paramref name="value"/> has the fixed bits of a status byte.</summary>
    public static bool IsStatusByte(byte value) => (value & FixedMask) == FixedValue;

    /// <summary>Combines the answers to DLE EOT 1, 2, 3 and 4 into a status.</summary>
    public static PrinterStatus Interpret(byte printer, byte offlineCause, byte errorCause, byte rollPaper)
    {
        var errors = new List<string>();
        if ((errorCause & CutterError) != 0)
        {
            errors.Add("autocutter error");
        }

        if ((errorCause & UnrecoverableError) != 0)
        {
            errors.Add("unrecoverable error");
        }

        if ((errorCause & AutoRecoverableError) != 0)
        {
            errors.Add("auto-recoverable error, such as a hot print head");
        }

        return new PrinterStatus
        {
            IsKnown = true,
            Offline = (printer & Offline) != 0,
            CoverOpen = (offlineCause & CoverOpen) != 0,
            PaperEnd = (rollPaper & PaperEnd) != 0 || (offlineCause & StoppedForPaperEnd) != 0,
            PaperNearEnd = (rollPaper & PaperNearEnd) != 0,
            Error = errors.Count > 0 || (offlineCause & ErrorOccurred) != 0,
            Detail = errors.Count > 0 ? string.Join(", ", errors) : null,
        };
    }

    /// <summary>The byte a printer in <paramref name="status"/> answers to DLE EOT <paramref name="kind"/>; simulators use it.</summary>
    public static byte Encode(RealTimeStatusKind kind, PrinterStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var value = FixedValue;
        switch (kind)
        {
            case RealTimeStatusKind.Printer:
                value |= status.Offline || status.CoverOpen || status.PaperEnd || status.Error ? Offline : (byte)0;
                break;
            case RealTimeStatusKind.OfflineCause:
                value |= status.CoverOpen ? CoverOpen : (byte)0;
                value |= status.PaperEnd ? StoppedForPaperEnd : (byte)0;
                value |= status.Error ? ErrorOccurred : (byte)0;
                break;
            case RealTimeStatusKind.ErrorCause:
                value |= status.Error ? UnrecoverableError : (byte)0;
                break;
            case RealTimeStatusKind.RollPaper:
                value |= status.PaperEnd ? PaperEnd : (byte)0;
                value |= status.PaperNearEnd || status.PaperEnd ? PaperNearEnd : (byte)0;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "DLE EOT n takes n = 1 to 4.");
        }

        return value;
    }
}
