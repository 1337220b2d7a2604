using System.Globalization;

namespace Kiosk.Protocols.Readers.Feig;

/// <summary>Words for status bytes and ISO 15693 error codes, for logs, errors and <c>kioskctl decode feig</c>.</summary>
public static class FeigStatusText
{
    /// <summary>What <paramref name="status"/> means (ID CPR manual Annex C, p.156–157); unknown values say so.</summary>
    public static string Describe(FeigStatus status) => status switch
    {
        FeigStatus.Ok => "OK",
        FeigStatus.NoTransponder => "no transponder in the field, or it stopped answering",
        FeigStatus.DataFalse => "data false: CRC, parity or framing error in the transponder's answer",
        FeigStatus.WriteError => "write error: the written data did not verify (read-only area, distance, noise)",
        FeigStatus.AddressError => "address error: beyond the transponder's memory",
        FeigStatus.WrongTransponderType => "wrong transponder type for this command",
        FeigStatus.AuthenticationError => "authentication error: reader and transponder keys differ",
        FeigStatus.GeneralError => "general error reported by the transponder",
        FeigStatus.EepromFailure => "reader EEPROM failure",
        FeigStatus.ParameterRangeError => "parameter out of range",
        FeigStatus.UnknownCommand => "unknown command: the reader does not support it",
        FeigStatus.LengthError => "length error: the request did not have the expected content",
        FeigStatus.CommandNotAvailable => "command not available now (Scan-Mode is on?)",
        FeigStatus.RfCommunicationError => "RF communication error: anticollision did not finish or the radio exchange was corrupted",
        FeigStatus.DataBufferOverflow => "data buffer overflow: more transponders than the reader can handle",
        FeigStatus.MoreData => "more data: repeat the inventory with the MORE bit for the rest",
        FeigStatus.Iso15693Error => "ISO 15693 error reported by the transponder; the code follows",
        FeigStatus.Iso14443Error => "ISO 14443 error; the code follows",
        FeigStatus.HardwareWarning => "hardware warning: firmware incompatible with the hardware",
        _ => string.Create(CultureInfo.InvariantCulture, $"status 0x{(byte)status:X2}, not listed in the ID CPR manual Annex C"),
    };

    /// <summary>What an ISO 15693 error code after status 0x95 means (ID CPR manual Annex C1, p.157).</summary>
    public static string DescribeIsoError(byte code) => code switch
    {
        (byte)Iso15693ErrorCode.CommandNotSupported => "command not supported",
        (byte)Iso15693ErrorCode.CommandNotRecognised => "command not recognised (format error)",
        (byte)Iso15693ErrorCode.OptionNotSupported => "option not supported",
        (byte)Iso15693ErrorCode.UnknownError => "unknown error",
        (byte)Iso15693ErrorCode.BlockNotAvailable => "block not available (does not exist)",
        (byte)Iso15693ErrorCode.BlockAlreadyLocked => "block already locked",
        (byte)Iso15693ErrorCode.BlockLocked => "block locked: content cannot change",
        (byte)Iso15693ErrorCode.BlockNotProgrammed => "block not programmed successfully",
        (byte)Iso15693ErrorCode.BlockNotLocked => "block not locked successfully",
        >= 0xA0 and <= 0xDF => string.Create(CultureInfo.InvariantCulture, $"custom command error 0x{code:X2} (manufacturer-specific)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"reserved ISO 15693 error code 0x{code:X2}"),
    };
}
