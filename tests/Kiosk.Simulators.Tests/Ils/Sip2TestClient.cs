using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;

namespace Kiosk.Simulators.Tests.Ils;

/// <summary>A bare SC for tests: a TcpClient (optionally TLS) and the codec, nothing else, with a timeout on every wait.</summary>
internal sealed class Sip2TestClient : IAsyncDisposable
{
    /// <summary>How long any single wait may take before the test fails; generous for a loaded 2-core CI machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly TcpClient _tcp;
    private readonly Stream _stream;
    private readonly Sip2Encoder _encoder;
    private readonly Sip2FrameDecoder _decoder;
    private int _sequence = -1;

    private Sip2TestClient(TcpClient tcp, Stream stream, Sip2CodecOptions codec)
    {
        _tcp = tcp;
        _stream = stream;
        Codec = codec;
        _encoder = new Sip2Encoder(codec);
        _decoder = new Sip2FrameDecoder(codec);
    }

    public Sip2CodecOptions Codec { get; }

    public static async Task<Sip2TestClient> ConnectAsync(IPEndPoint endPoint, Sip2CodecOptions? codec = null)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var tcp = new TcpClient(endPoint.AddressFamily) { NoDelay = true };
        await tcp.ConnectAsync(endPoint, timeout.Token);
        return new Sip2TestClient(tcp, tcp.GetStream(), codec ?? Sip2CodecOptions.Default);
    }

    public static async Task<Sip2TestClient> ConnectTlsAsync(IPEndPoint endPoint, string targetHost, RemoteCertificateValidationCallback validate)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var tcp = new TcpClient(endPoint.AddressFamily) { NoDelay = true };
        await tcp.ConnectAsync(endPoint, timeout.Token);
        var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, validate);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = targetHost }, timeout.Token);
        return new Sip2TestClient(tcp, tls, Sip2CodecOptions.Default);
    }

    /// <summary>Encodes <paramref name="message"/> with the next sequence number (or the one given) and sends it; returns the bytes.</summary>
    public async Task<byte[]> SendAsync(Sip2Message message, int? sequenceNumber = null)
    {
        _sequence = sequenceNumber ?? (_sequence + 1) % 10;
        var bytes = _encoder.Encode(message, _sequence);
        await SendRawAsync(bytes);
        return bytes;
    }

    public async Task SendRawAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _stream.WriteAsync(bytes, timeout.Token);
        await _stream.FlushAsync(timeout.Token);
    }

    /// <summary>The next frame from the simulator; fails the test when none comes within <see cref="Timeout"/> or the connection closes.</summary>
    public async Task<Sip2DecodeResult> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var buffer = new byte[4096];
        while (true)
        {
            if (_decoder.TryRead(out var result))
            {
                return result;
            }

            var read = await _stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                throw new IOException("The simulator closed the connection instead of answering.");
            }

            _decoder.Feed(buffer.AsSpan(0, read));
        }
    }

    /// <summary>Sends a request and returns its response, checking the checksum and that the sequence number is echoed.</summary>
    public async Task<TResponse> ExchangeAsync<TResponse>(Sip2Message request)
        where TResponse : Sip2Message
    {
        await SendAsync(request);
        var result = await ReceiveAsync();
        Assert.Null(result.Error);
        Assert.Equal(Sip2ChecksumStatus.Valid, result.Checksum);
        Assert.Equal(_sequence, result.SequenceNumber);
        return Assert.IsType<TResponse>(result.Message);
    }

    public async Task LoginAsync(string userId = "kiosk", string password = "kiosk-password")
    {
        var response = await ExchangeAsync<LoginResponse>(new LoginRequest { UserId = userId, Password = password });
        Assert.True(response.Ok, "the simulator refused the test login");
    }

    /// <summary>Raw bytes, bypassing the decoder, until <paramref name="complete"/> says there are enough.</summary>
    public async Task<byte[]> ReadRawAsync(Func<byte[], bool> complete)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var received = new MemoryStream();
        var buffer = new byte[4096];
        while (!complete(received.ToArray()))
        {
            var read = await _stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
        }

        return received.ToArray();
    }

    /// <summary>Every byte the simulator sends until it closes the connection; fails the test if it stays open.</summary>
    public async Task<byte[]> ReadUntilClosedAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset is a close too.
        }

        return received.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
