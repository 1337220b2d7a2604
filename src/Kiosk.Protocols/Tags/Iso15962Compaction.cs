using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Unicode;

namespace Kiosk.Protocols.Tags;

/// <summary>
/// The ISO 15962 compaction schemes 1–7 for text, as ISO 28560-2 uses them. Bit layouts, fill bits and the worked
/// examples in the tests are those of GB/T 35660.2-2017 (China's adoption of ISO 28560-2) as quoted by the dp2 project's
/// unit tests: integer "123456789012" = 1C BE 99 1A 14, 6-bit "QA268.L55" = 44 1C B6 E2 E3 35 D6.
/// </summary>
internal static class Iso15962Compaction
{
    private static readonly TagCompactionScheme[] PreferenceOrder =
    [
        TagCompactionScheme.UnsignedInteger,
        TagCompactionScheme.Numeric,
        TagCompactionScheme.FiveBit,
        TagCompactionScheme.SixBit,
        TagCompactionScheme.SevenBit,
        TagCompactionScheme.Octet,
        TagCompactionScheme.Utf8,
    ];

    /// <summary>
    /// Picks the scheme that stores <paramref name="text"/> in the fewest bytes; on a tie, the earlier scheme in ISO
    /// 15962's order (integer, numeric, 5-bit, 6-bit, 7-bit, octet, UTF-8) wins. That reproduces every published
    /// encoder output we have: "1203" as an integer (GB/T 35660.2 example), "0014815" as numeric, "YST0450585" as 6-bit.
    /// </summary>
    public static (TagCompactionScheme Scheme, byte[] Bytes) EncodeMostCompact(string text)
    {
        (TagCompactionScheme Scheme, byte[] Bytes)? best = null;
        foreach (var scheme in PreferenceOrder)
        {
            if (!CanEncode(scheme, text))
            {
                continue;
            }

            var bytes = Encode(scheme, text);
            if (best is null || bytes.Length < best.Value.Bytes.Length)
            {
                best = (scheme, bytes);
            }
        }

        return best!.Value;
    }

    public static bool CanEncode(TagCompactionScheme scheme, string text) => scheme switch
    {
        // A leading zero would be lost in an integer; "0" alone survives.
        TagCompactionScheme.UnsignedInteger => text.Length > 0 && IsDigits(text) && (text[0] != '0' || text.Length == 1),
        TagCompactionScheme.Numeric => text.Length > 0 && IsDigits(text),

        // 0x40 '@' would be 00000, which ends a 5-bit string.
        TagCompactionScheme.FiveBit => text.Length > 0 && text.All(c => c is >= '\x41' and <= '\x5F'),

        // A trailing space would be indistinguishable from the 100000 fill.
        TagCompactionScheme.SixBit => text.Length > 0 && text.All(c => c is >= '\x20' and <= '\x5F') && text[^1] != ' ',
        TagCompactionScheme.SevenBit => text.Length > 0 && text.All(c => c <= '\x7E'),
        TagCompactionScheme.Octet => text.All(c => c <= '\xFF'),
        TagCompactionScheme.Utf8 => true,
        _ => false,
    };

    public static byte[] Encode(TagCompactionScheme scheme, string text)
    {
        switch (scheme)
        {
            case TagCompactionScheme.UnsignedInteger:
                return BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture).ToByteArray(isUnsigned: true, isBigEndian: true);
            case TagCompactionScheme.Numeric:
            {
                var writer = new BitWriter();
                foreach (var c in text)
                {
                    writer.Write(c - '0', 4);
                }

                return writer.ToArray(0xFF);
            }

            case TagCompactionScheme.FiveBit:
                return Pack(text, 5, 0x00);
            case TagCompactionScheme.SixBit:
                return Pack(text, 6, 0x80);
            case TagCompactionScheme.SevenBit:
                return Pack(text, 7, 0xFF);
            case TagCompactionScheme.Octet:
                return Encoding.Latin1.GetBytes(text);
            default:
                return Encoding.UTF8.GetBytes(text);
        }
    }

    /// <summary>Decodes <paramref name="data"/>; false when the bytes break the scheme's rules.</summary>
    public static bool TryDecode(TagCompactionScheme scheme, ReadOnlySpan<byte> data, out string text)
    {
        text = string.Empty;
        switch (scheme)
        {
            case TagCompactionScheme.UnsignedInteger:
                if (data.IsEmpty)
                {
                    return false;
                }

                text = new BigInteger(data, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);
                return true;
            case TagCompactionScheme.Numeric:
                return TryDecodeNumeric(data, out text);
            case TagCompactionScheme.FiveBit:
            {
                var builder = new StringBuilder();
                var reader = new BitReader(data);
                while (reader.Remaining >= 5)
                {
                    var value = reader.Read(5);
                    if (value == 0)
                    {
                        break;
                    }

                    builder.Append((char)(0x40 | value));
                }

                text = builder.ToString();
                return true;
            }

            case TagCompactionScheme.SixBit:
            {
                var builder = new StringBuilder();
                var reader = new BitReader(data);
                while (reader.Remaining >= 6)
                {
                    var value = reader.Read(6);
                    if (value == 0x20 && reader.Remaining < 6)
                    {
                        break;
                    }

                    builder.Append((char)((value & 0x20) != 0 ? value : value | 0x40));
                }

                text = builder.ToString();
                return true;
            }

            case TagCompactionScheme.SevenBit:
            {
                var builder = new StringBuilder();
                var reader = new BitReader(data);
                while (reader.Remaining >= 7)
                {
                    var value = reader.Read(7);
                    if (value == 0x7F && reader.Remaining < 7)
                    {
                        break;
                    }

                    builder.Append((char)value);
                }

                text = builder.ToString();
                return true;
            }

            case TagCompactionScheme.Octet:
                text = Encoding.Latin1.GetString(data);
                return true;
            case TagCompactionScheme.Utf8:
                if (!Utf8.IsValid(data))
                {
                    return false;
                }

                text = Encoding.UTF8.GetString(data);
                return true;
            default:
                return false;
        }
    }

    private static bool TryDecodeNumeric(ReadOnlySpan<byte> data, out string text)
    {
        text = string.Empty;
        var builder = new StringBuilder(data.Length * 2);
        for (var i = 0; i < data.Length * 2; i++)
        {
            var nibble = (data[i >> 1] >> ((i & 1) == 0 ? 4 : 0)) & 0xF;
            if (nibble == 0xF && i == (data.Length * 2) - 1 && i > 0)
            {
                break;
            }

            if (nibble > 9)
            {
                return false;
            }

            builder.Append((char)('0' + nibble));
        }

        text = builder.ToString();
        return true;
    }

    private static byte[] Pack(string text, int width, int fillPattern)
    {
        var writer = new BitWriter();
        var mask = (1 << width) - 1;
        foreach (var c in text)
        {
            writer.Write(c & mask, width);
        }

        return writer.ToArray(fillPattern);
    }

    private static bool IsDigits(string text) => text.All(char.IsAsciiDigit);
}
