using System.Net.Security;
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
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
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

        Log.CertificateRejected(logger, connectionId, endpoint.Host, errors.ToString());
        return false;
    }
}
