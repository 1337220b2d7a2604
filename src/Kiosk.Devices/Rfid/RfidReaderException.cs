namespace Kiosk.Devices.Rfid;

/// <summary>A reader operation failed. <see cref="Kind"/> says why; the message says what to check.</summary>
public sealed class RfidReaderException : Exception
{
    public RfidReaderException()
    {
    }

    public RfidReaderException(string message)
        : base(message)
    {
    }

    public RfidReaderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception of a given kind.</summary>
    public RfidReaderException(RfidReaderFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    /// <summary>Why the operation failed.</summary>
    public RfidReaderFailureKind Kind { get; }
}
