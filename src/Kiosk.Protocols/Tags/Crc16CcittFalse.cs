namespace Kiosk.Protocols.Tags;

/// <summary>
/// CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. The check value of the
/// ASCII bytes "123456789" is 0x29B1 (the CRC RevEng catalogue). ISO 28560-3 stores it low byte first.
/// </summary>
public static class Crc16CcittFalse
{
    /// <summary>The CRC's initial value.</summary>
    public const ushort InitialValue = 0xFFFF;

    /// <summary>Computes the CRC of <paramref name="bytes"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> bytes) => Update(InitialValue, bytes);

    /// <summary>Continues a CRC over more bytes, so a message held in pieces need not be copied.</summary>
    public static ushort Update(ushort crc, ReadOnlySpan<byte> bytes)
    {
        var value = (uint)crc;
        foreach (var b in bytes)
        {
            value ^= (uint)b << 8;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 0x8000) != 0 ? (value << 1) ^ 0x1021 : value << 1;
            }
        }

        return (ushort)value;
    }
}
