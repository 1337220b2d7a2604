namespace Kiosk.Devices.Printers;

/// <summary>
/// The outcome of <see cref="IReceiptPrinter.PrintAsync"/>. A failed print is a result, not an exception, so a loan
/// goes through and the kiosk says "your receipt can be printed later" (or e-mails it).
/// </summary>
public sealed record PrintResult
{
    /// <summary>How the job ended.</summary>
    public required PrintResultCode Code { get; init; }

    /// <summary>The printer's status when the job ended.</summary>
    public required PrinterStatus Status { get; init; }

    /// <summary>What went wrong and what to do, for the log and the staff page; null when printed.</summary>
    public string? Message { get; init; }

    /// <summary>Whether the receipt was printed.</summary>
    public bool Succeeded => Code == PrintResultCode.Printed;

    /// <summary>Whether the kiosk should keep the receipt and offer it later: every failure is worth retrying once fixed.</summary>
    public bool CanBePrintedLater => !Succeeded;
}
