namespace Kiosk.Protocols.Readers.ThreeM;

/// <summary>
/// The 3M "BCC": CRC-CCITT polynomial 0x1021 processed forward (not reflected), preset 0xFFFF, final XOR 0xFFFF, sent
/// most significant byte first, over every byte after the start byte (Model 210 specification §4 "BCC" and Appendix C).
/// In the CRC catalogue this is CRC-16/GENIBUS. The specification's example: <c>00 09 03 00 02 00 00 00 03</c> gives 0x12E6.
/// </summary>
public static class ThreeMCrc
{
    /// <summary>The CRC of the ASCII bytes "123456789", the catalogue's check value.</summary>
    public const ushort CheckValue = 0xD64E;

    private const ushort Polynomial = 0x1021;
    private const ushort Preset = 0xFFFF;

    /// <summary>Computes the CRC of <paramref name="bytes"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> bytes)
    {
        var crc = Preset;
        foreach (var value in bytes)
        {
            crc ^= (ushort)(value << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ Polynomial) : (ushort)(crc << 1);
            }
        }

        return (ushort)(crc ^ Preset);
    }
}
