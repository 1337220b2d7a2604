namespace Kiosk.Protocols.Readers.Feig;

/// <summary>
/// The MODE byte of [0xB0][0x01] Inventory (ID CPR manual §7.1.1, p.82). The manual's inventory has no AFI field:
/// filtering by AFI is configured in CFG4 (ISO15693-MODE bit AFI and the ISO15693-AFI byte, §4.5, p.45–46).
/// </summary>
[Flags]
#pragma warning disable CA1028 // The wire byte is the value.
public enum FeigInventoryOptions : byte
#pragma warning restore CA1028
{
    /// <summary>A new inventory of the field.</summary>
    None = 0,

    /// <summary>PRESC (bit 5): presence check of all tags without an RF reset; needs CFG5 ONT and ACOLL set.</summary>
    PresenceCheck = 0x20,

    /// <summary>NTFC (bit 6): keep polling until a tag appears or NTFC_TIME runs out; NTFC_TIME follows MODE.</summary>
    Notification = 0x40,

    /// <summary>MORE (bit 7): send the data sets held back by the previous reply's status 0x94.</summary>
    MoreData = 0x80,
}
