using Kiosk.Ils;
using Kiosk.Devices.Printers;
using Kiosk.Protocols.Sip2;

namespace KioskController.Bridges;

/// <summary>
/// Watches the receipt printer and reports its state to the ILS: out of paper is SC Status code 1 (SIP2 spec,
/// "status code"), sent at once and in every heartbeat until paper is back. Printer trouble never stops a loan; it only
/// changes what the kiosk tells the ILS and the screen.
/// </summary>
internal sealed partial class PrinterMonitor(IReceiptPrinter printer, Sip2Client sip2, StatusChangeSignal changed, ILogger<PrinterMonitor> logger) : BackgroundService
{
    /// <summary>The printer's last known state.</summary>
    public PrinterStatus Status => printer.LastStatus;

    /// <summary>The printer's description (transport and address).</summary>
    public string Description => printer.Description;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var monitor = printer is EscPosReceiptPrinter escPos ? escPos.MonitorAsync(stoppingToken) : Task.CompletedTask;

        // Draw the receipt alphabet once now, off the loan path, so the first receipt prints as fast as the rest.
        _ = Task.Run(Kiosk.Devices.Printers.Rendering.UserCharacterGlyphRenderer.Shared.WarmUp, stoppingToken);
        try
        {
            await foreach (var status in printer.StatusChanges.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                changed.Raise();
                var code = status.PaperEnd ? Sip2ScStatusCode.PrinterOutOfPaper : Sip2ScStatusCode.Ok;
                if (code == sip2.ReportedStatus)
                {
                    continue;
                }

                Log.Reporting(logger, code, status.Detail ?? string.Empty);
                try
                {
                    await sip2.ScStatusAsync(code, stoppingToken).ConfigureAwait(false);
                }
                catch (Sip2Exception ex)
                {
                    // The ILS is away; the status is kept and goes with the next heartbeat.
                    Log.NotReported(logger, code, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }

        await monitor.ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Receipt printer changed; reporting SC status {Code} to the ILS ({Detail})")]
        public static partial void Reporting(ILogger logger, Sip2ScStatusCode code, string detail);

        [LoggerMessage(2, LogLevel.Warning, "Could not report SC status {Code} to the ILS now ({Reason}); it goes with the next heartbeat")]
        public static partial void NotReported(ILogger logger, Sip2ScStatusCode code, string reason);
    }
}
