namespace Kiosk.Devices.Rfid;

/// <summary>Why a reader operation failed.</summary>
public enum RfidReaderFailureKind
{
    /// <summary>The tag did not answer: it left the field, or is out of range.</summary>
    NoTransponder,

    /// <summary>The radio exchange with the tag failed (collision, noise); a retry may work.</summary>
    RadioError,

    /// <summary>The tag refused the write (a locked block, a block out of range).</summary>
    WriteRefused,

    /// <summary>The tag has no such block: a read ran past the end of its memory.</summary>
    BlockNotAvailable,

    /// <summary>The reader did not answer within its documented time.</summary>
    Timeout,

    /// <summary>The reader's answers could not be decoded (wrong baud or parity, noise on the line).</summary>
    Protocol,

    /// <summary>The serial port is gone (USB unplugged) or could not be opened.</summary>
    PortUnavailable,
}
