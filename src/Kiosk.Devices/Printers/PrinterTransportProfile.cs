using System.ComponentModel.DataAnnotations;

namespace Kiosk.Devices.Printers;

/// <summary>How to reach a printer: exactly one of <see cref="SerialPort"/>, <see cref="Host"/> or <see cref="DevicePath"/>.</summary>
public sealed class PrinterTransportProfile
{
    /// <summary>A serial port, such as /dev/ttyUSB0 or a /dev/serial/by-id/… link.</summary>
    public string? SerialPort { get; set; }

    /// <summary>Bits per second on <see cref="SerialPort"/>; Epson TM-T20 serial models default to 38400.</summary>
    [Range(1200, 921600)]
    public int BaudRate { get; set; } = 38400;

    /// <summary>A network printer's host name or address.</summary>
    public string? Host { get; set; }

    /// <summary>The raw printing port on <see cref="Host"/>.</summary>
    [Range(1, 65535)]
    public int TcpPort { get; set; } = TcpPrinterTransport.DefaultPort;

    /// <summary>A device file, such as /dev/usb/lp0 (no status read back).</summary>
    public string? DevicePath { get; set; }
}
