using System.Threading.Channels;

namespace Kiosk.Devices.Printers;

/// <summary>A receipt printer: sends ready-made ESC/POS jobs and reports paper, cover and online state.</summary>
public interface IReceiptPrinter
{
    /// <summary>Where the printer is, for messages.</summary>
    string Description { get; }

    /// <summary>The last status read, or unknown before the first.</summary>
    PrinterStatus LastStatus { get; }

    /// <summary>
    /// Each status that differs from the one before, written by the status loop and after each job (never from an I/O
    /// callback). The host reads it to report "out of paper" in SIP2 SC Status (status code 1) and on the staff page.
    /// </summary>
    ChannelReader<PrinterStatus> StatusChanges { get; }

    /// <summary>Sends one job. Never throws for a printer problem: a failed result says what happened and that the receipt can be printed later.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<PrintResult> PrintAsync(ReadOnlyMemory<byte> job, CancellationToken cancellationToken = default);

    /// <summary>Asks the printer for its real-time status (DLE EOT 1–4), within bounded time.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<PrinterStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
