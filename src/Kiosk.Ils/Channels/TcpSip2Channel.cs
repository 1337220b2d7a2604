using System.Net.Sockets;

namespace Kiosk.Ils.Channels;

/// <summary>A plain TCP channel to the ILS, with Nagle off: SIP2 is one short message each way at a time.</summary>
internal sealed class TcpSip2Channel(Sip2Endpoint endpoint) : ISip2Channel
{
    private TcpClient? _tcp;
    private NetworkStream? _stream;
    private bool _disposed;

    public string Endpoint => endpoint.ToString();

    public bool IsTls => false;

    /// <summary>The connected socket's stream, for <see cref="TlsSip2Channel"/> to wrap.</summary>
    public Stream Stream
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _stream ?? throw new InvalidOperationException("The channel is not connected.");
        }
    }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _tcp = new TcpClient { NoDelay = true };
        await _tcp.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken).ConfigureAwait(false);
        _stream = _tcp.GetStream();
    }

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        Stream.ReadAsync(buffer, cancellationToken);

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var stream = Stream;
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The socket reads as ready while no byte waits, which is how a FIN or RST shows (Socket.Poll, SelectMode.SelectRead).
    /// Bytes that do wait are left for the next exchange: over TLS 1.3 they may be a session ticket the server sent after
    /// the handshake.
    /// </summary>
    public bool PeerHasClosed()
    {
        var socket = _tcp?.Client;
        if (socket is null || _stream is null || _disposed)
        {
            return false;
        }

        try
        {
            return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        var stream = _stream;
        _stream = null;
        if (stream is not null)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        _tcp?.Dispose();
        _tcp = null;
    }
}
