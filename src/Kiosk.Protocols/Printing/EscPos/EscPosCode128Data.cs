using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// The data of GS k m = 73 (CODE128) as the printer reads it (Epson reference, "GS k Print barcode", CODE128 notes):
/// it starts with a code-set selector "{A", "{B" or "{C"; "{A", "{B", "{C" switch sets, "{S" shifts the next character
/// between A and B, "{1"–"{4" are FNC1–FNC4 and "{{" is a literal '{'. In code set C each data byte 0–99 is one symbol,
/// two digits of the human-readable text.
/// </summary>
public sealed record EscPosCode128Data
{
    private EscPosCode128Data(IReadOnlyList<int> values, string text)
    {
        Values = values;
        Text = text;
    }

    /// <summary>Symbol values from start to stop, check symbol included (ISO/IEC 15417 §5).</summary>
    public IReadOnlyList<int> Values { get; }

    /// <summary>The human-readable text: the characters of code sets A and B, two digits per code set C symbol.</summary>
    public string Text { get; }

    /// <summary>Reads <paramref name="data"/>; false with the reason when a printer would refuse it.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, [NotNullWhen(true)] out EscPosCode128Data? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (data.Length < 2 || data[0] != (byte)'{' || data[1] is not ((byte)'A' or (byte)'B' or (byte)'C'))
        {
            error = "CODE128 data must start with a code set selector {A, {B or {C";
            return false;
        }

        var set = (char)data[1];
        var values = new List<int>(data.Length + 2) { set switch { 'A' => Code128Symbology.StartA, 'B' => Code128Symbology.StartB, _ => Code128Symbology.StartC } };
        var text = new StringBuilder(data.Length * 2);
        var shifted = false;
        for (var index = 2; index < data.Length; index++)
        {
            var current = shifted ? (set == 'A' ? 'B' : 'A') : set;
            shifted = false;
            var value = data[index];
            if (value == (byte)'{')
            {
                if (index + 1 >= data.Length)
                {
                    error = "CODE128 data ends after '{'; a literal brace is written {{";
                    return false;
                }

                var special = (char)data[++index];
                if (special == '{')
                {
                    if (current != 'B')
                    {
                        error = Invalid('{', current);
                        return false;
                    }

                    values.Add('{' - 0x20);
                    text.Append('{');
                    continue;
                }

                if (!TrySpecial(special, current, values, ref set, ref shifted, out var specialError))
                {
                    error = specialError ?? "CODE128 special character refused";
                    return false;
                }

                continue;
            }

            switch (current)
            {
                case 'A' when value <= 0x5F:
                    values.Add(value < 0x20 ? value + 64 : value - 0x20);
                    text.Append(value < 0x20 ? ' ' : (char)value);
                    break;
                case 'B' when value is >= 0x20 and <= 0x7F:
                    values.Add(value - 0x20);
                    text.Append(value == 0x7F ? ' ' : (char)value);
                    break;
                case 'C' when value <= 99:
                    values.Add(value);
                    text.Append(value.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    error = Invalid((char)value, current);
                    return false;
            }
        }

        if (values.Count == 1)
        {
            error = "CODE128 data has a code set selector and nothing to encode";
            return false;
        }

        values.Add(Code128Symbology.CheckValue(values));
        values.Add(Code128Symbology.Stop);
        result = new EscPosCode128Data(values, text.ToString());
        error = null;
        return true;
    }

    private static bool TrySpecial(char special, char current, List<int> values, ref char set, ref bool shifted, out string? error)
    {
        error = null;
        switch (special)
        {
            case 'A' or 'B' or 'C':
                if (special != current)
                {
                    // CODE A = 101, CODE B = 100, CODE C = 99 (ISO/IEC 15417 table 1).
                    values.Add(special switch { 'A' => 101, 'B' => 100, _ => 99 });
                    set = special;
                }

                return true;
            case 'S' when current != 'C':
                values.Add(98);
                shifted = true;
                return true;
            case '1':
                values.Add(102);
                return true;
            case '2' when current != 'C':
                values.Add(97);
                return true;
            case '3' when current != 'C':
                values.Add(96);
                return true;
            case '4' when current != 'C':
                values.Add(current == 'A' ? 101 : 100);
                return true;
            default:
                error = $"CODE128 special character {{{special} is not allowed in code set {current}";
                return false;
        }
    }

    private static string Invalid(char character, char set) =>
        set == 'C'
            ? $"CODE128 code set C takes bytes 0–99 (two digits each); got 0x{(int)character:X2}"
            : $"CODE128 code set {set} cannot encode 0x{(int)character:X2}";
}
