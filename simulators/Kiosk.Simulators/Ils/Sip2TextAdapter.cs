using System.Globalization;
using System.Text;
using Kiosk.Protocols.Sip2;

namespace Kiosk.Simulators.Ils;

/// <summary>
/// Makes a response's text fit the connection's charset before it is encoded, so Vietnamese text never makes the codec
/// throw. UTF-8 carries everything. Windows-1258 has the Vietnamese base letters (â ê ô ơ ư ă đ) but writes the five
/// tones as combining marks, and .NET's code-page encoder does not decompose precomposed letters such as "ệ" itself, so
/// the tones are split off here. Other charsets lose the diacritics ("Truyen Kieu") rather than the message.
/// </summary>
/// <remarks>A workaround in the simulator until the codec normalises text per charset itself.</remarks>
internal static class Sip2TextAdapter
{
    public static Sip2Message ForCharset(Sip2Message message, Encoding encoding)
    {
        if (encoding.CodePage == Encoding.UTF8.CodePage || message.Fields.All(f => IsAscii(f.Value)))
        {
            return message;
        }

        var windows1258 = encoding.CodePage == 1258;
        var fields = message.Fields.Select(f =>
        {
            var value = windows1258 ? ToWindows1258Form(f.Value) : f.Value;
            return new Sip2Field(f.Id, Fits(value, encoding) ? value : ToAscii(value));
        });
        return message with { Fields = Sip2FieldList.Of(fields) };
    }

    /// <summary>Base letters composed, tone marks (grave, acute, tilde, hook, dot below) as separate combining marks.</summary>
    public static string ToWindows1258Form(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var cluster = new StringBuilder();
        var tones = new StringBuilder();
        var i = 0;
        while (i < decomposed.Length)
        {
            cluster.Clear().Append(decomposed[i++]);
            tones.Clear();
            while (i < decomposed.Length && CharUnicodeInfo.GetUnicodeCategory(decomposed[i]) == UnicodeCategory.NonSpacingMark)
            {
                (IsTone(decomposed[i]) ? tones : cluster).Append(decomposed[i]);
                i++;
            }

            result.Append(cluster.ToString().Normalize(NormalizationForm.FormC)).Append(tones);
        }

        return result.ToString();
    }

    /// <summary>The text without diacritics, for charsets that cannot carry Vietnamese; '?' for anything else outside ASCII.</summary>
    public static string ToAscii(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            result.Append(c switch
            {
                'đ' => 'd',
                'Đ' => 'D',
                _ when char.IsAscii(c) => c,
                _ => '?',
            });
        }

        return result.ToString();
    }

    private static bool IsTone(char mark) => mark is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323';

    private static bool IsAscii(string value) => !value.AsSpan().ContainsAnyExceptInRange('\0', '\u007f');

    private static bool Fits(string value, Encoding encoding)
    {
        try
        {
            encoding.GetByteCount(value);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
