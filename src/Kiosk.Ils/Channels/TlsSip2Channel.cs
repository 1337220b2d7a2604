using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Kiosk.Ils.Channels;

/// <summary>
/// TLS over a <see cref="TcpSip2Channel"/>: the server's certificate must name <see cref="Sip2Endpoint.TlsServerName"/>
/// (or the host) and chain to the system store, or to the endpoint's site CA and nothing else.
/// </summary>
internal sealed class TlsSip2Channel(TcpSip2Channel tcp, Sip2Endpoint endpoint, int connectionId, ILogger logger) : ISip2Channel
{
    private SslStream? _ssl;
    private bool _disposed;
    private Sip2CertificateRejectedException? _rejected;

    public string Endpoint => tcp.Endpoint;

    public bool IsTls => true;

    private SslStream Stream
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _ssl ?? throw new InvalidOperationException("The channel is not connected.");
        }
    }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await tcp.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var ssl = new SslStream(tcp.Stream, leaveInnerStreamOpen: false, ValidateServerCertificate);
        try
        {
            var options = new SslClientAuthenticationOptions { TargetHost = endpoint.TlsServerName ?? endpoint.Host };
            await ssl.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);

            // A refused certificate is a setting to give, not a network fault: say which one.
            if (ex is AuthenticationException && _rejected is { } rejected)
            {
                throw new Sip2CertificateRejectedException(rejected.Errors, rejected.Message, ex);
            }

            throw;
        }

        _ssl = ssl;
    }

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        Stream.ReadAsync(buffer, cancellationToken);

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var stream = Stream;
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the socket underneath: a TLS close_notify or a FIN both leave it readable.</summary>
    public bool PeerHasClosed() => !_disposed && _ssl is not null && tcp.PeerHasClosed();

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        var ssl = _ssl;
        _ssl = null;
        if (ssl is not null)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
        }

        await tcp.DisposeAsync().ConfigureAwait(false);
    }

    private bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // A site CA that is not in the system store: trust exactly that root, and nothing else, for this connection.
        if (endpoint.TrustedCertificateAuthority is { } ca && certificate is not null
            && errors == SslPolicyErrors.RemoteCertificateChainErrors)
        {
            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.Add(ca);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            if (custom.Build(leaf))
            {
                return true;
            }
        }

        var remedy = Remedy(errors, certificate, chain);
        _rejected = new Sip2CertificateRejectedException(errors, remedy, null);
        Log.CertificateRejected(logger, connectionId, endpoint.Host, errors.ToString(), remedy);
        return false;
    }

    /// <summary>What is wrong with the ILS's certificate, and the setting that fixes it.</summary>
    private string Remedy(SslPolicyErrors errors, X509Certificate? certificate, X509Chain? chain)
    {
        var expected = endpoint.TlsServerName ?? endpoint.Host;
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return $"The ILS at {endpoint} sent no TLS certificate; check that its SIP port speaks TLS, or set Kiosk:Sip2:UseTls to false.";
        }

        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var parts = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            var names = presented.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames()).ToList();
            var carried = names.Count > 0 ? string.Join(", ", names) : presented.Subject;
            parts.Add(
                $"The ILS's TLS certificate is for {carried}, not '{expected}': set Kiosk:Sip2:TlsServerName to the name it carries " +
                "(kioskctl sip2 login --tls-server-name), or reach the ILS by that name in Kiosk:Sip2:Host.");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var why = chain is { ChainStatus.Length: > 0 }
                ? string.Join(", ", chain.ChainStatus.Select(s => s.Status).Distinct())
                : "untrusted";
            var which = $"The ILS's TLS certificate ({presented.Subject}, issued by {presented.Issuer})";
            parts.Add(endpoint.TrustedCertificateAuthority is null
                ? $"{which} is not signed by a CA this kiosk trusts ({why}): set Kiosk:Sip2:TlsCaCertificatePath to the PEM or DER " +
                  "file of the CA that signed it (kioskctl sip2 login --tls-ca)."
                : $"{which} is not signed by the CA in Kiosk:Sip2:TlsCaCertificatePath ({why}): give that setting the CA that did sign it.");
        }

        return string.Join(" ", parts);
    }
}
