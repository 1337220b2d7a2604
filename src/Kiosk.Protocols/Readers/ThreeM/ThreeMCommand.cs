namespace Kiosk.Protocols.Readers.ThreeM;

/// <summary>
/// Command codes of the 3M RFID reader serial protocol ("3M RFID Reader Model 210 Protocol Specification" 1.0.0,
/// 2009, §7 "Normal Commands"; the 3M 810 speaks the same frames, as Biblio-RFID's 3M810.pm and a captured session
/// show). This codec reads and writes <see cref="Inventory"/>, <see cref="ReadBlocks"/>, <see cref="WriteBlocks"/>,
/// <see cref="WriteAfi"/> and <see cref="GetAfi"/>; the others are named so logs and <c>kioskctl</c> can say what they are.
/// </summary>
#pragma warning disable CA1028 // The wire byte is the value.
public enum ThreeMCommand : byte
#pragma warning restore CA1028
{
    /// <summary>0x01 Quiet a tag (§7.4).</summary>
    Quiet = 0x01,

    /// <summary>0x02 Read Multiblock (§7.5).</summary>
    ReadBlocks = 0x02,

    /// <summary>0x03 Check EAS, NXP tags only (§7.13).</summary>
    CheckEas = 0x03,

    /// <summary>0x04 Write Multiblock (§7.6).</summary>
    WriteBlocks = 0x04,

    /// <summary>0x05 Write Block (§7.7).</summary>
    WriteBlock = 0x05,

    /// <summary>0x06 Lock AFI (§7.12): permanent.</summary>
    LockAfi = 0x06,

    /// <summary>0x07 Write and Lock Block (§7.8).</summary>
    WriteAndLockBlock = 0x07,

    /// <summary>0x08 Lock Block (§7.9).</summary>
    LockBlock = 0x08,

    /// <summary>0x09 Write AFI (§7.11).</summary>
    WriteAfi = 0x09,

    /// <summary>0x0A Get AFI (§7.10).</summary>
    GetAfi = 0x0A,

    /// <summary>0x0B Write DSFID (§7.16).</summary>
    WriteDsfid = 0x0B,

    /// <summary>0x0C EAS Control, NXP tags only (§7.14).</summary>
    EasControl = 0x0C,

    /// <summary>0x0D Tag Info (§7.18).</summary>
    TagInfo = 0x0D,

    /// <summary>0x0E Lock DSFID (§7.17).</summary>
    LockDsfid = 0x0E,

    /// <summary>0x0F Get DSFID (§7.15).</summary>
    GetDsfid = 0x0F,

    /// <summary>0x11 Reader Version (§7.2): four bytes, 0x0A for 3M readers, then major, minor and build.</summary>
    ReaderVersion = 0x11,

    /// <summary>
    /// 0x13, not in the Model 210 specification. Biblio-RFID's <c>lib/Biblio/RFID/Reader/3M810.pm</c> sends
    /// <c>13 04 01 00 02 00 03 00 04 00</c> after the hardware-version probe and expects <c>13 00 02 01 01 03 02 02 03 00</c>
    /// from a real 810, with a note there that its meaning is unknown; what the fields mean is not published.
    /// </summary>
    UndocumentedStartup = 0x13,

    /// <summary>0x14 ISO pass-through of raw air commands (§7.3).</summary>
    IsoPassThrough = 0x14,

    /// <summary>0xFE Read Block UID: the inventory (§7.1).</summary>
    Inventory = 0xFE,
}
