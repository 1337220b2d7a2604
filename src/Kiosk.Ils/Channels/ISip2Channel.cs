namespace Kiosk.Ils.Channels;

/// <summary>
/// Moves bytes to and from one ILS, and nothing else: no framing, no checksums, no timeouts. The adapter
/// (<c>Sip2Connection</c>) does those over the Kiosk.Protocols codec. A channel is connected once and disposed to close
/// it; a reconnect asks the <see cref="ISip2ChannelFactory"/> for a new one.
/// </summary>
/// <remarks>
/// A transport failure is an <see cref="IOException"/> (a <see cref="System.Net.Sockets.SocketException"/> or
/// <see cref="System.Security.Authentication.AuthenticationException"/> also do): while connecting the client reports it as
/// <see cref="Sip2FailureKind.Unreachable"/>, once connected as <see cref="Sip2FailureKind.ConnectionLost"/>.
/// </remarks>
public interface ISip2Channel : IAsyncDisposable
{
    /// <summary>Where the bytes go, as error messages name it, such as <c>koha.library.example:6001</c>.</summary>
    string Endpoint { get; }

    /// <summary>Whether the bytes travel inside TLS.</summary>
    bool IsTls { get; }

    /// <summary>
    /// Connects (and for TLS, completes the handshake). The caller bounds the wait with <paramref name="cancellationToken"/>.
    /// </summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Reads what has arrived, waiting for at least one byte; 0 means the ILS closed the connection.</summary>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="bytes"/> and flushes them onto the wire.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the ILS has closed this idle channel, seen without reading or sending anything. Call only while no request
    /// is in flight. A channel that cannot tell answers <see langword="false"/>; the next exchange will find out.
    /// </summary>
    bool PeerHasClosed();
}
