namespace Kiosk.Protocols.Readers.Feig;

/// <summary>
/// The ISO 15693 error code a FEIG reader passes on after status 0x95 (ID CPR manual Annex C1, p.157, which follows
/// ISO/IEC 15693-3). Codes 0xA0–0xDF are the transponder manufacturer's own.
/// </summary>
#pragma warning disable CA1028 // The wire byte is the value.
public enum Iso15693ErrorCode : byte
#pragma warning restore CA1028
{
    /// <summary>0x01: the command is not supported (request code not recognised).</summary>
    CommandNotSupported = 0x01,

    /// <summary>0x02: the command is not recognised, for example a format error.</summary>
    CommandNotRecognised = 0x02,

    /// <summary>0x03: the option is not supported.</summary>
    OptionNotSupported = 0x03,

    /// <summary>0x0F: unknown error.</summary>
    UnknownError = 0x0F,

    /// <summary>0x10: the block does not exist.</summary>
    BlockNotAvailable = 0x10,

    /// <summary>0x11: the block is already locked and cannot be locked again.</summary>
    BlockAlreadyLocked = 0x11,

    /// <summary>0x12: the block is locked; its content cannot change.</summary>
    BlockLocked = 0x12,

    /// <summary>0x13: the block was not programmed successfully.</summary>
    BlockNotProgrammed = 0x13,

    /// <summary>0x14: the block was not locked successfully.</summary>
    BlockNotLocked = 0x14,
}
