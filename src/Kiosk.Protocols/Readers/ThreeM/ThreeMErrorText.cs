using System.Globalization;

namespace Kiosk.Protocols.Readers.ThreeM;

/// <summary>Words for 3M error codes (Model 210 specification, Appendix A).</summary>
public static class ThreeMErrorText
{
    /// <summary>What <paramref name="error"/> means; values the specification does not list say so.</summary>
    public static string Describe(ThreeMErrorCode error) => error switch
    {
        ThreeMErrorCode.None => "OK",
        ThreeMErrorCode.CommandNotImplemented => "command not implemented by this reader's firmware",
        ThreeMErrorCode.NoTransponder => "no transponder: the tag left the field, the UID is wrong, or the tag did not answer",
        ThreeMErrorCode.UnknownError => "unknown error reported by the tag",
        ThreeMErrorCode.MemoryNotAvailable => "memory not available: invalid block number, or no AFI/DSFID on this tag",
        ThreeMErrorCode.MemoryLocked => "memory locked: block, AFI or DSFID cannot be written",
        ThreeMErrorCode.MemoryNotRead => "memory not read: error reading the block, AFI or DSFID",
        ThreeMErrorCode.MemoryNotWritten => "memory not written: the write failed (not enough power?)",
        ThreeMErrorCode.TagCommandNotSupported => "the tag does not support the command (ISO error 0x01)",
        ThreeMErrorCode.TagCommandUnknown => "the tag did not recognise the command (ISO error 0x02)",
        ThreeMErrorCode.TagOptionNotSupported => "the tag does not support the option (ISO error 0x03)",
        ThreeMErrorCode.NotSupported => "not supported on this tag",
        ThreeMErrorCode.OptionNotSupported => "option not supported by the reader",
        ThreeMErrorCode.ParameterError => "parameter error",
        ThreeMErrorCode.UserCancel => "cancelled by the host",
        ThreeMErrorCode.NotEnoughMemory => "the reader ran out of memory",
        _ => string.Create(CultureInfo.InvariantCulture, $"error 0x{(byte)error:X2}, not listed in the 3M specification's Appendix A"),
    };
}
