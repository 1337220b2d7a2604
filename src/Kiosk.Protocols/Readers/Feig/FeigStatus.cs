namespace Kiosk.Protocols.Readers.Feig;

/// <summary>The STATUS byte of a reader reply: every value in ID CPR manual Annex C, "Index of Status Bytes" (p.156–157).</summary>
#pragma warning disable CA1028 // The wire byte is the value.
public enum FeigStatus : byte
#pragma warning restore CA1028
{
    /// <summary>0x00: done without error.</summary>
    Ok = 0x00,

    /// <summary>0x01: no transponder in the field, it was muted, or the link to it broke.</summary>
    NoTransponder = 0x01,

    /// <summary>0x02: CRC, parity or framing error in the data received from the transponder.</summary>
    DataFalse = 0x02,

    /// <summary>0x03: the written data did not verify (read-only area, too far from the antenna, noise).</summary>
    WriteError = 0x03,

    /// <summary>0x04: the address lies outside the transponder's memory.</summary>
    AddressError = 0x04,

    /// <summary>0x05: the command does not apply to this transponder type.</summary>
    WrongTransponderType = 0x05,

    /// <summary>0x08: the reader could not authenticate to the transponder.</summary>
    AuthenticationError = 0x08,

    /// <summary>0x0E: the transponder answered with an undefined or general error.</summary>
    GeneralError = 0x0E,

    /// <summary>0x10: the reader's EEPROM cannot be written or its parameter checksum is bad.</summary>
    EepromFailure = 0x10,

    /// <summary>0x11: a parameter is out of range.</summary>
    ParameterRangeError = 0x11,

    /// <summary>0x80: the reader does not support this command.</summary>
    UnknownCommand = 0x80,

    /// <summary>0x81: the protocol did not have the expected content or length.</summary>
    LengthError = 0x81,

    /// <summary>0x82: command not available now, for example an ISO host command while Scan-Mode is on.</summary>
    CommandNotAvailable = 0x82,

    /// <summary>0x83: anticollision could not finish, or the radio exchange was corrupted.</summary>
    RfCommunicationError = 0x83,

    /// <summary>0x93: more transponders in the field than the reader can handle.</summary>
    DataBufferOverflow = 0x93,

    /// <summary>0x94: more data sets than one reply can carry; ask again with the inventory MORE bit.</summary>
    MoreData = 0x94,

    /// <summary>0x95: the ISO 15693 transponder answered with an error; its code is the first data byte (Annex C1).</summary>
    Iso15693Error = 0x95,

    /// <summary>0x96: an ISO 14443 error; its code is the first data byte (Annex C2).</summary>
    Iso14443Error = 0x96,

    /// <summary>0xF1: the firmware does not match the hardware.</summary>
    HardwareWarning = 0xF1,
}
