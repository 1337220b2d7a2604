using System.Security.Cryptography.X509Certificates;
using Kiosk.Protocols.Sip2;

namespace Kiosk.Circulation.Sip2;

/// <summary>The options with the dialect profile applied: what a connection actually uses.</summary>
internal sealed record Sip2ResolvedSettings
{
    public required Sip2ClientOptions Options { get; init; }

    public required Sip2DialectProfile Profile { get; init; }

    public required Sip2CodecOptions Codec { get; init; }

    public X509Certificate2? TrustedCa { get; init; }

    /// <summary>Applies the profile named in <paramref name="options"/>, then the options' own overrides.</summary>
    /// <exception cref="ArgumentException">A value is not valid; the message names the configuration key and the fix.</exception>
    public static Sip2ResolvedSettings Resolve(Sip2ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var profile = Sip2Dialects.Find(options.Profile) ?? throw new ArgumentException(
            $"Kiosk:Sip2:Profile is '{options.Profile}'; use one of {string.Join(", ", Sip2Dialects.All.Select(p => p.Name))}.");

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

        var terminator = options.Terminator?.Trim().ToUpperInvariant() switch
        {
            null or "" => profile.Terminator,
            "CR" => Sip2Terminator.CarriageReturn,
            "CRLF" => Sip2Terminator.CarriageReturnLineFeed,
            _ => throw new ArgumentException($"Kiosk:Sip2:Terminator is '{options.Terminator}'; use CR or CRLF."),
        };

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
            TrustedCa = ca,
        };
    }
}
