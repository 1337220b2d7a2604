using System.Buffers.Binary;
using System.Globalization;

namespace Kiosk.Protocols.Readers;

/// <summary>
/// The 64-bit unique identifier of an ISO 15693 transponder, as a number whose most significant byte is 0xE0.
/// Both FEIG (ID CPR manual §7.1.1.1, p.84) and 3M (Model 210 protocol specification, "Format of the Data") send it
/// most significant byte first, so the text form reads as it goes on the wire: <c>E004010031269117</c>.
/// </summary>
/// <param name="Value">The identifier; byte 7 (the most significant) is 0xE0 for ISO 15693 tags.</param>
public readonly record struct TransponderUid(ulong Value)
{
    /// <summary>Bytes in a UID.</summary>
    public const int Length = 8;

    /// <summary>
    /// The IC manufacturer code (ISO/IEC 7816-6), the byte after 0xE0: 0x04 is NXP, 0x07 Texas Instruments, 0x02 ST
    /// (3M specification, Appendix B).
    /// </summary>
    public byte ManufacturerCode => (byte)(Value >> 48);

    /// <summary>Reads 8 bytes, most significant first.</summary>
    public static TransponderUid ReadBigEndian(ReadOnlySpan<byte> source) => new(BinaryPrimitives.ReadUInt64BigEndian(source));

    /// <summary>Writes 8 bytes, most significant first.</summary>
    public void WriteBigEndian(Span<byte> destination) => BinaryPrimitives.WriteUInt64BigEndian(destination, Value);

    /// <summary>Parses 16 hexadecimal digits, most significant byte first, such as <c>E004010031269117</c>.</summary>
    public static bool TryParse(string? text, out TransponderUid uid)
    {
        uid = default;
        if (text is null || text.Length != 2 * Length)
        {
            return false;
        }

        if (!ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        uid = new TransponderUid(value);
        return true;
    }

    /// <summary>16 uppercase hexadecimal digits, most significant byte first.</summary>
    public override string ToString() => Value.ToString("X16", CultureInfo.InvariantCulture);
}
