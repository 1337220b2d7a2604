namespace Kiosk.Devices.Transports;

/// <summary>
/// What a serial driver is given instead of a port name: something that can open a connection to the device, again
/// and again after the device goes away. <see cref="SerialPortTransport"/> is the real one; <see cref="StreamSerialTransport"/>
/// hands out any <see cref="Stream"/> (a simulator, a pipe) for tests.
/// </summary>
public interface ISerialTransport
{
    /// <summary>The port, for messages: /dev/ttyUSB0, COM3, or a description of the stream.</summary>
    string PortName { get; }

    /// <summary>
    /// Whether the port exists right now (udev removes /dev/ttyUSB0 on unplug; a pty's /dev/pts/N goes when its master
    /// closes). A supervisor waits for this before trying to open again.
    /// </summary>
    bool IsPortPresent { get; }

    /// <summary>Opens a connection. Each connection is used until it faults or is disposed, then a new one is opened.</summary>
    /// <exception cref="SerialTransportException">The port is missing, refused, or rejected a setting; the message says which and what to do.</exception>
    ValueTask<ISerialConnection> OpenAsync(CancellationToken cancellationToken = default);
}
