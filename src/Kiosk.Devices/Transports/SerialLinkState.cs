namespace Kiosk.Devices.Transports;

/// <summary>Where a supervised serial link stands.</summary>
public enum SerialLinkState
{
    /// <summary>The supervisor has not opened the port yet.</summary>
    Starting,

    /// <summary>The port is open and the driver's session runs.</summary>
    Connected,

    /// <summary>The port is missing, refused to open, or was lost; a retry is scheduled.</summary>
    Disconnected,

    /// <summary>The supervisor was stopped.</summary>
    Stopped,
}
