using System.Security.Cryptography.X509Certificates;

namespace Kiosk.Ils.Channels;

/// <summary>Where the ILS's SIP2 server is, and whether and how to talk TLS to it.</summary>
public sealed record Sip2Endpoint
{
    /// <summary>The host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>The TCP port.</summary>
    public required int Port { get; init; }

    /// <summary>Whether to wrap the connection in TLS.</summary>
    public bool UseTls { get; init; }

    /// <summary>The name the server's certificate must carry; <see langword="null"/> means <see cref="Host"/>.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>A site CA to trust for this ILS alone, when it is not in the system store.</summary>
    public X509Certificate2? TrustedCertificateAuthority { get; init; }

    /// <summary><c>host:port</c>, as error messages name the ILS.</summary>
    public override string ToString() => $"{Host}:{Port}";
}
