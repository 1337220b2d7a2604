using System.Globalization;
using System.Text;
using Kiosk.Protocols.Sip2;

namespace Kiosk.Simulators.Ils;

/// <summary>
/// Makes a response's text fit the connection's charset before it is encoded, so Vietnamese text never makes the codec
/// throw. UTF-8 and Windows-1258 (which the codec writes with combining tone marks) carry every Vietnamese letter;
/// charsets that cannot, such as IBM850, get the text without diacritics ("Truyen Kieu") rather than losing the message,
/// as an ILS configured with such a charset would.
/// </summary>
internal static class Sip2TextAdapter
{
    public static Sip2Message ForCharset(Sip2Message message, Encoding encoding)
    {
        if (encoding.CodePage == Encoding.UTF8.CodePage || message.Fields.All(f => IsAscii(f.Value)))
        {
            return message;
        }

        var fields = message.Fields.Select(f => new Sip2Field(f.Id, Fits(f.Value, encoding) ? f.Value : ToAscii(f.Value)));
        return message with { Fields = Sip2FieldList.Of(fields) };
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

    private static bool IsAscii(string value) => !value.AsSpan().ContainsAnyExceptInRange('\0', '\u007f');

    private static bool Fits(string value, Encoding encoding)
    {
        try
        {
            _ = Sip2Charset.GetWireBytes(encoding, value);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
