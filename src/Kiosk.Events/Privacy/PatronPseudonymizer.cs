using System.Security.Cryptography;
using System.Text;

namespace Kiosk.Events.Privacy;

/// <summary>
/// Turns a patron identifier into a stable pseudonym for events: HMAC-SHA256 keyed with the site's salt, truncated to
/// 128 bits and written as lower-case hex. Without the salt nobody can compute it from a card number; with it, the same
/// card always gives the same pseudonym. When pseudonyms are off, it gives null and events carry nothing.
/// </summary>
public sealed class PatronPseudonymizer
{
    private readonly byte[]? _key;

    /// <summary>Creates a pseudonymizer from validated options.</summary>
    /// <exception cref="ArgumentException">Pseudonyms are on without a salt of at least 32 characters; the message names the key.</exception>
    public PatronPseudonymizer(PatronPseudonymOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return;
        }

        if (options.Salt is not { Length: >= 32 } salt)
        {
            throw new ArgumentException(
                $"{PatronPseudonymOptions.SectionName}:Salt must be a secret of at least 32 characters when pseudonyms are enabled; " +
                "set it through the environment (Kiosk__Events__PatronPseudonym__Salt) or a secrets file, or turn pseudonyms off.");
        }

        _key = Encoding.UTF8.GetBytes(salt);
    }

    /// <summary>Whether pseudonyms are produced.</summary>
    public bool Enabled => _key is not null;

    /// <summary>The pseudonym of <paramref name="patronIdentifier"/>, or null when pseudonyms are off or there is no patron.</summary>
    public string? Pseudonymize(string? patronIdentifier)
    {
        if (_key is null || string.IsNullOrEmpty(patronIdentifier))
        {
            return null;
        }

        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(patronIdentifier.Trim()), mac);
        return Convert.ToHexStringLower(mac[..16]);
    }
}
