using System.Globalization;
using System.Text;

namespace Kiosk.Protocols.Sip2;

/// <summary>
/// Converts Vietnamese text to and from the form windows-1258 carries. The code page holds the base letters
/// (with â ê ô ơ ư ă đ precomposed) and the five tone marks only as combining characters: grave 0xCC, acute 0xEC,
/// tilde 0xDE, hook above 0xD2 and dot below 0xF2. Precomposed toned letters such as "ấ" or "ạ" have no byte, so
/// .NET's table encoder rejects them (exception fallback) or writes '?' (replacement fallback).
/// </summary>
/// <remarks>
/// The tone is always written as a combining mark, even where 1258 has a precomposed toned letter (á is 0xE1), so
/// that every Vietnamese vowel is written one way. Decoded text is normalised to NFC, so callers see ordinary Unicode
/// whichever form the peer sent.
/// </remarks>
internal static class Windows1258Text
{
    /// <summary>The Windows code page number of windows-1258.</summary>
    public const int CodePage = 1258;

    /// <summary>Whether <paramref name="encoding"/> is windows-1258, however it was obtained.</summary>
    public static bool AppliesTo(Encoding encoding) => encoding.CodePage == CodePage;

    /// <summary>
    /// Rewrites <paramref name="text"/> as base letters, composed with every mark that is not a tone, each followed by
    /// its combining tone mark. Characters 1258 cannot carry even then are left for the encoder to reject.
    /// </summary>
    public static string ToWireForm(string text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            return text;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var output = new StringBuilder(decomposed.Length);
        var cluster = new StringBuilder(4);
        var tones = new StringBuilder(2);
        foreach (var c in decomposed)
        {
            if (cluster.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                (IsToneMark(c) ? tones : cluster).Append(c);
                continue;
            }

            Flush(output, cluster, tones);
            cluster.Append(c);
        }

        Flush(output, cluster, tones);
        return output.ToString();
    }

    /// <summary>Composes decoded text to NFC, so "a" + combining acute reads as "á".</summary>
    public static string FromWireForm(string text) =>
        System.Text.Ascii.IsValid(text) || text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>The five Vietnamese tone marks, the only combining characters windows-1258 has.</summary>
    public static bool IsToneMark(char c) => c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323';

    private static void Flush(StringBuilder output, StringBuilder cluster, StringBuilder tones)
    {
        if (cluster.Length == 0)
        {
            return;
        }

        // The base with its other marks (circumflex, breve, horn) composes to one of 1258's precomposed letters.
        output.Append(cluster.ToString().Normalize(NormalizationForm.FormC)).Append(tones);
        cluster.Clear();
        tones.Clear();
    }
}
