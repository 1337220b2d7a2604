namespace Kiosk.Devices.Transports;

/// <summary>
/// One open session with a serial device. Its <see cref="Stream"/> moves bytes only; framing belongs to the driver's
/// codec. When the device goes away, <see cref="Disconnected"/> completes with the reason and every later stream call
/// throws <see cref="SerialTransportException"/>; the connection is then disposed and a new one opened (see
/// <see cref="SerialPortSupervisor"/>), never reopened from a handler.
/// </summary>
public interface ISerialConnection : IAsyncDisposable
{
    /// <summary>The port, for messages.</summary>
    string PortName { get; }

    /// <summary>The bytes to and from the device. One reader and one writer at a time.</summary>
    Stream Stream { get; }

    /// <summary>Whether the connection is still usable: not faulted and not disposed.</summary>
    bool IsOpen { get; }

    /// <summary>Completes once, when the connection faults or is disposed, with the reason.</summary>
    Task<SerialDisconnection> Disconnected { get; }
}
