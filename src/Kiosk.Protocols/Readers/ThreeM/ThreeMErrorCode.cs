namespace Kiosk.Protocols.Readers.ThreeM;

/// <summary>The error code byte of every 3M reply (Model 210 specification, Appendix A "Error Codes").</summary>
#pragma warning disable CA1028 // The wire byte is the value.
public enum ThreeMErrorCode : byte
#pragma warning restore CA1028
{
    /// <summary>0x00: no error.</summary>
    None = 0x00,

    /// <summary>0x02: the firmware does not implement the command.</summary>
    CommandNotImplemented = 0x02,

    /// <summary>0x06: no transponder: the tag left the field, the UID is wrong, or the tag stayed silent.</summary>
    NoTransponder = 0x06,

    /// <summary>0x0F: unknown error, a catch-all in the TI and ISO tag specifications.</summary>
    UnknownError = 0x0F,

    /// <summary>0x11: memory not available: an invalid block number, or no AFI/DSFID on this tag.</summary>
    MemoryNotAvailable = 0x11,

    /// <summary>0x12: memory locked: the block, AFI or DSFID cannot be written.</summary>
    MemoryLocked = 0x12,

    /// <summary>0x15: memory not read: error reading a valid block, AFI or DSFID.</summary>
    MemoryNotRead = 0x15,

    /// <summary>0x16: memory not written ("Mem Not Put"): writing a block, AFI or DSFID failed, perhaps too little power.</summary>
    MemoryNotWritten = 0x16,

    /// <summary>0x21: the tag answered ISO error 0x01, command not supported.</summary>
    TagCommandNotSupported = 0x21,

    /// <summary>0x22: the tag answered ISO error 0x02, command unknown.</summary>
    TagCommandUnknown = 0x22,

    /// <summary>0x23: the tag answered ISO error 0x03, option not supported.</summary>
    TagOptionNotSupported = 0x23,

    /// <summary>0x30: the reader knows this tag does not support the command.</summary>
    NotSupported = 0x30,

    /// <summary>0x31: the reader understands the command but not its options.</summary>
    OptionNotSupported = 0x31,

    /// <summary>0x32: a parameter was wrong.</summary>
    ParameterError = 0x32,

    /// <summary>0xFD: the host cancelled the operation.</summary>
    UserCancel = 0xFD,

    /// <summary>0xFE: the firmware ran out of buffer or EEPROM memory.</summary>
    NotEnoughMemory = 0xFE,
}
