using System.Net.Security;
using System.Security.Authentication;

namespace Kiosk.Ils.Channels;

/// <summary>
/// The TLS handshake failed because the kiosk does not trust the ILS's certificate: its chain leads to no trusted CA, or
/// it does not name the host. The message says which setting to give; the network itself is fine.
/// </summary>
public sealed class Sip2CertificateRejectedException : AuthenticationException
{
    public Sip2CertificateRejectedException()
    {
    }

    public Sip2CertificateRejectedException(string message)
        : base(message)
    {
    }

    public Sip2CertificateRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a certificate refused for <paramref name="errors"/>.</summary>
    public Sip2CertificateRejectedException(SslPolicyErrors errors, string message, Exception? innerException)
        : base(message, innerException)
    {
        Errors = errors;
    }

    /// <summary>What was wrong with the certificate.</summary>
    public SslPolicyErrors Errors { get; }
}
