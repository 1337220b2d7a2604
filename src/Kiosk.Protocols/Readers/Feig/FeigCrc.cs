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

    // One byte at a time from a 256-entry table: the decoder checks a CRC for nearly every offset of line noise.
    private static readonly ushort[] Table = BuildTable();

    /// <summary>Computes the CRC of <paramref name="bytes"/>: every protocol byte before the two CRC bytes.</summary>
    public static ushort Compute(ReadOnlySpan<byte> bytes)
    {
        var table = Table;
        var crc = Preset;
        foreach (var value in bytes)
        {
            crc = (ushort)((crc >> 8) ^ table[(byte)(crc ^ value)]);
        }

        return crc;
    }

    /// <summary>The register after one more byte: lets a decoder keep a running register along the stream.</summary>
    internal static ushort Update(ushort register, byte value) => (ushort)((register >> 8) ^ Table[(byte)(register ^ value)]);

    /// <summary>
    /// Whether the frame of <paramref name="length"/> bytes (CRC included) between two points of a running register
    /// carries a CRC that holds, in O(1) for a standard frame (O(length / 255) for a longer advanced one);
    /// <paramref name="known"/> is always true.
    /// </summary>
    /// <remarks>
    /// One byte moves the register by <c>r → Z(r) ⊕ T[b]</c>, linear over GF(2); so the register over the frame alone,
    /// from the preset, is <c>end ⊕ Zⁿ(start ⊕ preset)</c>. A frame whose CRC holds leaves 0 there: the CRC sent low
    /// byte first cancels the register (residue 0, no final XOR). Zⁿ, n zero bytes through the register, is tabled
    /// per nibble for n ≤ 255, and applied in steps of 255 beyond.
    /// </remarks>
    internal static bool TryHolds(ushort registerAtStart, ushort registerAtEnd, int length, out bool known)
    {
        known = true;
        var register = (ushort)(registerAtStart ^ Preset);
        for (; length >= ZeroByteTableLength; length -= ZeroByteTableLength - 1)
        {
            register = AfterZeroBytes(register, ZeroByteTableLength - 1);
        }

        return AfterZeroBytes(register, length) == registerAtEnd;
    }

    private static ushort AfterZeroBytes(ushort register, int count)
    {
        var row = ZeroBytes.AsSpan(count * 64, 64);
        return (ushort)(row[register & 0xF] ^ row[16 + ((register >> 4) & 0xF)]
            ^ row[32 + ((register >> 8) & 0xF)] ^ row[48 + (register >> 12)]);
    }

    private const int ZeroByteTableLength = 256;

    // For n = 0..255 and each nibble of the register: the register after n zero bytes (64 entries per n, 32 KiB).
    private static readonly ushort[] ZeroBytes = BuildZeroByteTable();

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var index = 0; index < table.Length; index++)
        {
            var crc = (ushort)index;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ Polynomial) : (ushort)(crc >> 1);
            }

            table[index] = crc;
        }

        return table;
    }

    private static ushort[] BuildZeroByteTable()
    {
        var table = new ushort[ZeroByteTableLength * 64];
        Span<ushort> bits = stackalloc ushort[16];
        for (var bit = 0; bit < 16; bit++)
        {
            bits[bit] = (ushort)(1 << bit);
        }

        for (var count = 0; count < ZeroByteTableLength; count++)
        {
            // bits[i] is now the register that a lone bit i becomes after count zero bytes.
            for (var nibble = 0; nibble < 4; nibble++)
            {
                for (var value = 0; value < 16; value++)
                {
                    ushort image = 0;
                    for (var bit = 0; bit < 4; bit++)
                    {
                        if ((value & (1 << bit)) != 0)
                        {
                            image ^= bits[(nibble * 4) + bit];
                        }
                    }

                    table[(count * 64) + (nibble * 16) + value] = image;
                }
            }

            for (var bit = 0; bit < 16; bit++)
            {
                bits[bit] = Update(bits[bit], 0);
            }
        }

        return table;
    }
}
