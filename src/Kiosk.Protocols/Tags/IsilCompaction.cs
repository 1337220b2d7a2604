using System.Text;

namespace Kiosk.Protocols.Tags;

/// <summary>
/// ISO 28560-2's own encoding of an ISIL (owner institution, ILL borrowing institution): three code sets with latch and
/// shift codes, one bits filling the last byte. Upper and lower case are 5 bits ('-' = 0, letters 1–26, 27 is ':' in
/// upper and '/' in lower, 28 latch to the other case, 29 shift to it, 30 latch to digits, 31 shift to them); digits are
/// 4 bits (0–9, 10 '-', 11 ':', 12 latch upper, 13 shift upper, 14 latch lower, 15 shift lower). Decoding starts in upper
/// case. The tables and the examples in the tests ("US-InU-Mu" = AC C0 9E BA A0 6F 6B, "DE-Heu1" = 21 40 8E 16 BF 1F)
/// are those of GB/T 35660.2-2017 as quoted in dp2's unit tests; the Finnish HelMet parser uses the same tables.
/// </summary>
internal static class IsilCompaction
{
    private const int Upper = 0;
    private const int Lower = 1;
    private const int Digit = 2;

    /// <summary>Whether every character is in the ISIL character set of ISO 15511 (letters, digits, '-', ':' and '/').</summary>
    public static bool CanEncode(string isil) =>
        isil.Length > 0 && isil.All(c => char.IsAsciiLetter(c) || char.IsAsciiDigit(c) || c is '-' or ':' or '/');

    /// <summary>
    /// Encodes greedily: a character outside the current set is reached by a shift when the character after it is back
    /// in the current set (or there is none), and by a latch otherwise; the same rule as the GB/T 35660.2 examples.
    /// </summary>
    public static byte[] Encode(string isil)
    {
        var writer = new BitWriter();
        var mode = Upper;
        for (var i = 0; i < isil.Length; i++)
        {
            var c = isil[i];
            if (!CanWrite(mode, c))
            {
                var target = PreferredSet(c);
                var shift = i == isil.Length - 1 || CanWrite(mode, isil[i + 1]);
                WriteSwitch(writer, mode, target, shift);
                if (!shift)
                {
                    mode = target;
                }

                WriteCharacter(writer, target, c);
                continue;
            }

            WriteCharacter(writer, mode, c);
        }

        return writer.ToArray(0xFF);
    }

    public static bool TryDecode(ReadOnlySpan<byte> data, out string isil)
    {
        isil = string.Empty;
        var builder = new StringBuilder();
        var reader = new BitReader(data);
        var mode = Upper;
        int? shifted = null;
        while (true)
        {
            var current = shifted ?? mode;
            var width = current == Digit ? 4 : 5;
            if (reader.Remaining < width)
            {
                break;
            }

            var value = reader.Read(width);
            var character = Character(current, value);
            if (character is { } c)
            {
                builder.Append(c);
                shifted = null;
                continue;
            }

            if (shifted is not null)
            {
                // A shift must be followed by a character, never by another switch.
                return false;
            }

            (var target, var isShift) = Switch(current, value);
            if (isShift)
            {
                shifted = target;
            }
            else
            {
                mode = target;
            }
        }

        isil = builder.ToString();
        return true;
    }

    private static bool CanWrite(int mode, char c) => mode switch
    {
        Upper => c is (>= 'A' and <= 'Z') or '-' or ':',
        Lower => c is (>= 'a' and <= 'z') or '-' or '/',
        _ => c is (>= '0' and <= '9') or '-' or ':',
    };

    private static int PreferredSet(char c) => c switch
    {
        >= 'A' and <= 'Z' or ':' => Upper,
        >= 'a' and <= 'z' or '/' => Lower,
        _ => Digit,
    };

    private static void WriteSwitch(BitWriter writer, int from, int to, bool shift)
    {
        if (from == Digit)
        {
            writer.Write((to == Upper ? 12 : 14) + (shift ? 1 : 0), 4);
        }
        else
        {
            writer.Write((to == Digit ? 30 : 28) + (shift ? 1 : 0), 5);
        }
    }

    private static void WriteCharacter(BitWriter writer, int mode, char c)
    {
        switch (mode)
        {
            case Digit:
                writer.Write(c switch { '-' => 10, ':' => 11, _ => c - '0' }, 4);
                break;
            case Upper:
                writer.Write(c switch { '-' => 0, ':' => 27, _ => c - 'A' + 1 }, 5);
                break;
            default:
                writer.Write(c switch { '-' => 0, '/' => 27, _ => c - 'a' + 1 }, 5);
                break;
        }
    }

    private static char? Character(int mode, int value) => mode switch
    {
        Digit => value switch { <= 9 => (char)('0' + value), 10 => '-', 11 => ':', _ => null },
        Upper => value switch { 0 => '-', <= 26 => (char)('A' + value - 1), 27 => ':', _ => null },
        _ => value switch { 0 => '-', <= 26 => (char)('a' + value - 1), 27 => '/', _ => null },
    };

    private static (int Target, bool Shift) Switch(int mode, int value)
    {
        if (mode == Digit)
        {
            return (value <= 13 ? Upper : Lower, value is 13 or 15);
        }

        var otherCase = mode == Upper ? Lower : Upper;
        return (value <= 29 ? otherCase : Digit, value is 29 or 31);
    }
}
