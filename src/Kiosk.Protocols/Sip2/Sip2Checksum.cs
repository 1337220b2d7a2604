namespace Kiosk.Protocols.Sip2;

/// <summary>
/// The SIP2 checksum (spec, "Checksums and Sequence Numbers"): the two's complement of the low 16 bits of the sum of
/// every byte from the start of the message up to and including "AZ", written as four uppercase hex digits.
/// It is computed over the bytes on the wire, in the connection's charset, never over characters.
/// </summary>
public static class Sip2Checksum
{
    /// <summary>Computes the checksum of <paramref name="bytes"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> bytes)
    {
        uint sum = 0;
        foreach (var b in bytes)
        {
            sum += b;
        }

        return (ushort)(-(int)(sum & 0xFFFF) & 0xFFFF);
    }

    /// <summary>Writes <paramref name="checksum"/> as four uppercase hex digits into <paramref name="destination"/>.</summary>
    public static void Format(ushort checksum, Span<byte> destination)
    {
        const string Hex = "0123456789ABCDEF";
        destination[0] = (byte)Hex[checksum >> 12];
        destination[1] = (byte)Hex[(checksum >> 8) & 0xF];
        destination[2] = (byte)Hex[(checksum >> 4) & 0xF];
        destination[3] = (byte)Hex[checksum & 0xF];
    }

    /// <summary>Reads four hex digits (either case). Returns false when they are not hex.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out ushort checksum)
    {
        checksum = 0;
        if (text.Length != 4)
        {
            return false;
        }

        foreach (var b in text)
        {
            int digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            checksum = (ushort)((checksum << 4) | digit);
        }

        return true;
    }
}
