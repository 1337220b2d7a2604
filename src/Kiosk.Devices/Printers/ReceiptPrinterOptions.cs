using System.ComponentModel.DataAnnotations;

namespace Kiosk.Devices.Printers;

/// <summary>The driver's timeouts. Every one bounds how long a loan can wait on a printer.</summary>
public sealed class ReceiptPrinterOptions
{
    /// <summary>
    /// How long to wait for each DLE EOT answer. Epson's reference says the printer sends it "in real time", even while
    /// offline or busy; a TM-T20 answers in a few milliseconds over USB-serial. 500 ms also covers a congested LAN.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.020", "00:00:05")]
    public TimeSpan StatusReplyTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long the whole job may take to hand over. A 576-dot raster receipt is about 40 KB: 3.5 s at 115200 baud; at
    /// 9600 baud a text-mode receipt of 2 KB takes 2 s. A printer that stops taking bytes (paper out with flow control)
    /// fails the job after this instead of blocking the loan.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often <see cref="EscPosReceiptPrinter.MonitorAsync"/> asks for status: often enough that a paper-out shows on the staff page and in SIP2 SC Status within seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan StatusPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether to ask for status before each job and refuse it when paper end, cover open or offline (bytes sent then are lost or printed hours later).</summary>
    public bool CheckStatusBeforePrinting { get; set; } = true;
}
