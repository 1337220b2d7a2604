namespace Kiosk.Devices.Printers;

/// <summary>
/// How the driver reaches a printer: a serial port, raw TCP (port 9100) or a device file such as /dev/usb/lp0. The
/// driver is given one of these, never a port name, so the simulator can stand in.
/// </summary>
public interface IPrinterTransport
{
    /// <summary>Where the printer is, for messages: /dev/ttyUSB0, tcp://10.0.0.5:9100, /dev/usb/lp0.</summary>
    string Description { get; }

    /// <summary>Whether the printer can answer DLE EOT on this transport. A device file is write-only here.</summary>
    bool ReportsStatus { get; }

    /// <summary>Opens a connection.</summary>
    /// <exception cref="IOException">The printer cannot be reached; the message says where and what to check.</exception>
    ValueTask<IPrinterConnection> OpenAsync(CancellationToken cancellationToken = default);
}
