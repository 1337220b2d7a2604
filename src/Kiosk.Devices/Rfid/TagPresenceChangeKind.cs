namespace Kiosk.Devices.Rfid;

/// <summary>Whether a tag came into an antenna's field or left it.</summary>
public enum TagPresenceChangeKind
{
    /// <summary>The tag is in the field now.</summary>
    Arrived,

    /// <summary>The tag has not been seen for the departure grace time.</summary>
    Left,
}
