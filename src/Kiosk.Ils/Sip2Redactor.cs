using System.Security.Cryptography;
using System.Text;
using Kiosk.Protocols.Sip2;

namespace Kiosk.Ils;

/// <summary>
/// Makes SIP2 traffic safe to log: passwords (AC, AD, CO) become <c>****</c>, and fields that identify a patron
/// (AA, AE, BD, BE, BF) become a short hash, so one patron's requests can still be correlated without naming them.
/// </summary>
public static class Sip2Redactor
{
    /// <summary>The message as one line, with secrets masked and patron fields hashed.</summary>
    public static string Redact(Sip2Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder(message.Command).Append(' ').Append(message.Name).Append(':');
        foreach (var field in message.Fields)
        {
            text.Append(' ').Append(field.Id).Append('=');
            if (Sip2FieldId.IsSecret(field.Id))
            {
                text.Append("****");
            }
            else if (Sip2FieldId.IsPatronIdentifying(field.Id))
            {
                text.Append('#').Append(Hash(field.Value));
            }
            else
            {
                text.Append(field.Value);
            }
        }

        return text.ToString();
    }

    /// <summary>A short, stable hash of a patron identifier for log correlation (8 hex digits of SHA-256).</summary>
    public static string Hash(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "none";
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), digest);
        return Convert.ToHexStringLower(digest[..4]);
    }
}
