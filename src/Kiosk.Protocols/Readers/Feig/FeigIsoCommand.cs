namespace Kiosk.Protocols.Readers.Feig;

/// <summary>The ISO 15693 sub-command carried by <see cref="FeigCommand.IsoStandardHostCommand"/> [0xB0] (ID CPR manual §7.1–7.2).</summary>
#pragma warning disable CA1028 // The wire byte is the value.
public enum FeigIsoCommand : byte
#pragma warning restore CA1028
{
    /// <summary>[0x01] Inventory: the UIDs of the transponders in the field (§7.1.1, p.81).</summary>
    Inventory = 0x01,

    /// <summary>[0x23] Read Multiple Blocks (§7.1.3, p.93).</summary>
    ReadMultipleBlocks = 0x23,

    /// <summary>[0x24] Write Multiple Blocks (§7.1.4, p.95).</summary>
    WriteMultipleBlocks = 0x24,

    /// <summary>[0x27] Write AFI (§7.2.5, p.101).</summary>
    WriteAfi = 0x27,

    /// <summary>[0x28] Lock AFI: permanent. Never lock an AFI that carries security (§7.2.6, p.102).</summary>
    LockAfi = 0x28,

    /// <summary>[0x2B] Get System Information: DSFID, UID, AFI, memory size, IC reference (§7.2.8, p.104).</summary>
    GetSystemInformation = 0x2B,
}
