namespace Kiosk.Devices.Gates;

/// <summary>How the gate's reader noticed a secured item.</summary>
public enum GateDetectionMethod
{
    /// <summary>An inventory filtered by the site's secured AFI: the tag's UID is known.</summary>
    AfiInventory,

    /// <summary>The NXP EAS Alarm command: some tag with EAS set answered; which one is not known.</summary>
    EasAlarm,
}
