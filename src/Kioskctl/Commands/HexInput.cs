using System.Globalization;

namespace Kioskctl.Commands;

/// <summary>Reads hex as technicians paste it: with or without spaces, colons or dashes, and an optional 0x.</summary>
internal static class HexInput
{
    public static bool TryParse(string? text, out byte[] bytes, out string error)
    {
        bytes = [];
        error = string.Empty;
        var digits = new string((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not ':' and not '-').ToArray());
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        if (digits.Length == 0)
        {
            error = "no hex digits were given; paste the tag's user memory, for example '11 01 01 31 ...'";
            return false;
        }

        if (digits.Length % 2 != 0)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{digits.Length} hex digits is an odd count; each byte needs two");
            return false;
        }

        var bad = digits.FirstOrDefault(c => !char.IsAsciiHexDigit(c));
        if (bad != default)
        {
            error = $"'{bad}' is not a hex digit";
            return false;
        }

        bytes = Convert.FromHexString(digits);
        return true;
    }
}
