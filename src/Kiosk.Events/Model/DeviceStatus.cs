namespace Kiosk.Events.Model;

/// <summary>The state a device reports in <see cref="DeviceStatusChangedData"/>.</summary>
public enum DeviceStatus
{
    Online,
    Degraded,
    Offline,
}
