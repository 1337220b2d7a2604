namespace Kiosk.Protocols.Tags;

/// <summary>The ISO 15962 compaction schemes: bits 6–4 of an ISO 28560-2 precursor.</summary>
public enum TagCompactionScheme
{
    /// <summary>0: application-defined. ISO 28560-2 uses it for the content parameter bitmap and the ISIL encoding.</summary>
    ApplicationDefined = 0,

    /// <summary>1: an unsigned big-endian integer; only for digit strings without a leading zero.</summary>
    UnsignedInteger = 1,

    /// <summary>2: numeric, two digits per byte, a 0xF nibble filling an odd length.</summary>
    Numeric = 2,

    /// <summary>3: 5-bit code, characters 0x41–0x5F (A–Z and [\]^_), zero bits filling the last byte.</summary>
    FiveBit = 3,

    /// <summary>4: 6-bit code, characters 0x20–0x5F, the bits 100000 truncated filling the last byte.</summary>
    SixBit = 4,

    /// <summary>5: 7-bit code, characters 0x00–0x7E, one bits filling the last byte.</summary>
    SevenBit = 5,

    /// <summary>6: octet string, one ISO 8859-1 character per byte.</summary>
    Octet = 6,

    /// <summary>7: UTF-8 string.</summary>
    Utf8 = 7,
}
