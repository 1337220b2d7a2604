using System.Security.Cryptography.X509Certificates;
using Kiosk.Ils.Channels;
using Kiosk.Protocols.Sip2;

namespace Kiosk.Ils;

/// <summary>The options with the dialect profile applied: what a connection actually uses.</summary>
internal sealed record Sip2ResolvedSettings
{
    public required Sip2ClientOptions Options { get; init; }

    public required Sip2DialectProfile Profile { get; init; }

    public required Sip2CodecOptions Codec { get; init; }

    /// <summary>Where the ILS is and how to reach it, for the channel factory.</summary>
    public required Sip2Endpoint Endpoint { get; init; }

    /// <summary>Applies the profile named in <paramref name="options"/>, then the options' own overrides.</summary>
    /// <exception cref="ArgumentException">A value is not valid; the message names the configuration key and the fix.</exception>
    public static Sip2ResolvedSettings Resolve(Sip2ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var profile = FindProfile(options);
        options = options.Copy();
        options.InstitutionId = string.IsNullOrEmpty(options.InstitutionId) ? profile.InstitutionId ?? string.Empty : options.InstitutionId;
        options.LocationCode = string.IsNullOrEmpty(options.LocationCode) ? profile.LocationCode ?? string.Empty : options.LocationCode;
        if (profile.LoginRequired && string.IsNullOrEmpty(options.UserId))
        {
            throw new ArgumentException(
                $"Kiosk:Sip2:UserId is empty, but the '{profile.Name}' profile's ILS wants a SIP login (93) first; set the SIP account's user id and Kiosk:Sip2:Password.");
        }

        var charset = options.Charset ?? profile.Charset;
        System.Text.Encoding encoding;
        try
        {
            encoding = Sip2Charset.Get(charset);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"Kiosk:Sip2:Charset: {ex.Message}", ex);
        }

        var terminator = ParseTerminator(options.Terminator, "Kiosk:Sip2:Terminator") ?? profile.Terminator;

        X509Certificate2? ca = null;
        if (!string.IsNullOrWhiteSpace(options.TlsCaCertificatePath))
        {
            try
            {
                ca = X509CertificateLoader.LoadCertificateFromFile(options.TlsCaCertificatePath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                throw new ArgumentException(
                    $"Kiosk:Sip2:TlsCaCertificatePath '{options.TlsCaCertificatePath}' could not be read as a certificate ({ex.Message}); give a PEM or DER file.", ex);
            }
        }

        if (options.ReconnectMaxDelay < options.ReconnectMinDelay)
        {
            throw new ArgumentException("Kiosk:Sip2:ReconnectMaxDelay is shorter than ReconnectMinDelay; make it at least as long.");
        }

        foreach (var id in profile.RequiredFields)
        {
            if (id.Length != 2 || !id.All(char.IsAsciiLetterUpper))
            {
                throw new ArgumentException($"Kiosk:Sip2:Profiles:{profile.Name}:RequiredFields holds '{id}'; give two-letter SIP2 field ids such as AC.");
            }
        }

        return new Sip2ResolvedSettings
        {
            Options = options,
            Profile = profile,
            Codec = new Sip2CodecOptions
            {
                Encoding = encoding,
                Terminator = terminator,
                ErrorDetection = options.ErrorDetection ?? profile.ErrorDetection,
            },
            Endpoint = new Sip2Endpoint
            {
                Host = options.Host,
                Port = options.Port,
                UseTls = options.UseTls,
                TlsServerName = options.TlsServerName,
                TrustedCertificateAuthority = ca,
            },
        };
    }

    private static Sip2DialectProfile FindProfile(Sip2ClientOptions options)
    {
        if (Sip2Dialects.Find(options.Profile) is { } builtIn)
        {
            return builtIn;
        }

        if (!options.Profiles.TryGetValue(options.Profile, out var custom))
        {
            var names = Sip2Dialects.All.Select(p => p.Name).Concat(options.Profiles.Keys);
            throw new ArgumentException($"Kiosk:Sip2:Profile is '{options.Profile}'; use one of {string.Join(", ", names)}, or define it under Kiosk:Sip2:Profiles.");
        }

        var key = $"Kiosk:Sip2:Profiles:{options.Profile}";
        var baseProfile = Sip2Dialects.Find(custom.Base) ?? throw new ArgumentException(
            $"{key}:Base is '{custom.Base}'; use one of {string.Join(", ", Sip2Dialects.All.Select(p => p.Name))}.");
        return baseProfile with
        {
            Name = options.Profile,
            Charset = custom.Charset ?? baseProfile.Charset,
            Terminator = ParseTerminator(custom.Terminator, key + ":Terminator") ?? baseProfile.Terminator,
            ErrorDetection = custom.ErrorDetection ?? baseProfile.ErrorDetection,
            RequiredFields = custom.RequiredFields is { } fields ? [.. fields] : baseProfile.RequiredFields,
            LoginRequired = custom.LoginRequired ?? baseProfile.LoginRequired,
            InstitutionId = custom.InstitutionId ?? baseProfile.InstitutionId,
            LocationCode = custom.LocationCode ?? baseProfile.LocationCode,
        };
    }

    private static Sip2Terminator? ParseTerminator(string? value, string key) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        "CR" => Sip2Terminator.CarriageReturn,
        "CRLF" => Sip2Terminator.CarriageReturnLineFeed,
        _ => throw new ArgumentException($"{key} is '{value}'; use CR or CRLF."),
    };
}
