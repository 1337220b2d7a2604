using Kiosk.Devices.Transports;

namespace Kiosk.Devices.Printers;

/// <summary>Makes the transport a profile names; for the composition root and kioskctl.</summary>
public static class PrinterTransportFactory
{
    /// <summary>The transport for <paramref name="transport"/>, which <see cref="PrinterProfileLoader"/> has checked.</summary>
    public static IPrinterTransport Create(PrinterTransportProfile transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (!string.IsNullOrWhiteSpace(transport.SerialPort))
        {
            return new SerialPrinterTransport(new SerialPortTransport(new SerialTransportOptions { PortName = transport.SerialPort, BaudRate = transport.BaudRate }));
        }

        if (!string.IsNullOrWhiteSpace(transport.Host))
        {
            return new TcpPrinterTransport(transport.Host, transport.TcpPort);
        }

        return !string.IsNullOrWhiteSpace(transport.DevicePath)
            ? new DeviceFilePrinterTransport(transport.DevicePath)
            : throw new ArgumentException("The transport names no serialPort, host or devicePath.", nameof(transport));
    }
}
