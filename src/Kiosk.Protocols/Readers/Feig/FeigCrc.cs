namespace Kiosk.Protocols.Readers.Feig;

/// <summary>
/// The FEIG frame CRC: polynomial x^16 + x^12 + x^5 + 1 processed reflected (0x8408), preset 0xFFFF, no final XOR,
/// sent low byte first (ID CPR manual §3.2, p.20, and revision 7's byte-order correction, p.8). In the CRC catalogue
/// this is CRC-16/MCRF4XX.
/// </summary>
public static class FeigCrc
{
    /// <summary>The CRC of the ASCII bytes "123456789", the catalogue's check value.</summary>
    public const ushort CheckValue = 0x6F91;

    private const ushort Polynomial = 0x8408;
    private const ushort Preset = 0xFFFF;

    /// <summary>Computes the CRC of <paramref name="bytes"/>: every protocol byte before the two CRC bytes.</summary>
    public static ushort Compute(ReadOnlySpan<byte> bytes)
    {
        var crc = Preset;
        foreach (var value in bytes)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ Polynomial) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }
}
