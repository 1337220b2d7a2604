namespace Kiosk.Devices.Transports;

/// <summary>A serial port could not be opened or stopped working. The message names the port, the setting and the fix.</summary>
public sealed class SerialTransportException : IOException
{
    /// <summary>Creates the exception.</summary>
    public SerialTransportException()
        : this("The serial transport failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public SerialTransportException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SerialTransportException(string message, Exception? innerException)
        : this(message, SerialDisconnectReason.InputOutputError, innerException)
    {
    }

    /// <summary>Creates the exception with the kind of failure.</summary>
    public SerialTransportException(string message, SerialDisconnectReason reason, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>The kind of failure; <see cref="SerialDisconnectReason.PortVanished"/> when the port does not exist.</summary>
    public SerialDisconnectReason Reason { get; }
}
