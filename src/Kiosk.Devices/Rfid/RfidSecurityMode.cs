namespace Kiosk.Devices.Rfid;

/// <summary>How a site marks an item's security on its tags.</summary>
public enum RfidSecurityMode
{
    /// <summary>The tag's AFI register: one value for secured, another for loaned. Never locked.</summary>
    Afi,

    /// <summary>NXP ICODE SLIX EAS bit (custom commands A2 set, A3 reset), where the reader supports it.</summary>
    Eas,
}
