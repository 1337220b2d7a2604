namespace Kiosk.Devices.Rfid;

/// <summary>Where a supervised reader stands.</summary>
public enum RfidReaderStatus
{
    /// <summary>The port is open and the reader answers its polls.</summary>
    Connected,

    /// <summary>The port is missing, refused, or was lost; the service retries on its own.</summary>
    Disconnected,

    /// <summary>The port is open but the reader's polls fail (no answer, garbled answers); polling goes on.</summary>
    Faulted,
}
