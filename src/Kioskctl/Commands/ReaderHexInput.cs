using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Kioskctl.Commands;

/// <summary>Reads a frame typed or pasted as hex: spaces, colons, dashes and <c>0x</c> prefixes are allowed.</summary>
internal static class ReaderHexInput
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? problem)
    {
        bytes = null;
        var cleaned = (text ?? string.Empty)
            .Replace("0x", string.Empty, StringComparison.OrdinalIgnoreCase)
            .Where(character => !char.IsWhiteSpace(character) && character is not (':' or '-' or ','))
            .ToArray();
        if (cleaned.Length == 0)
        {
            problem = "no bytes given; paste the frame as hex, for example '05 FF 63 D3 AE'";
            return false;
        }

        if (cleaned.Length % 2 != 0)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"{cleaned.Length} hex digits is an odd number; every byte needs two");
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(cleaned);
        }
        catch (FormatException)
        {
            problem = "the frame holds characters that are not hex digits";
            return false;
        }

        problem = null;
        return true;
    }
}
