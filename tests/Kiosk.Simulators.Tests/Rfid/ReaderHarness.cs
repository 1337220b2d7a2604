using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.Feig.Messages;
using Kiosk.Protocols.Readers.ThreeM;
using Kiosk.Protocols.Readers.ThreeM.Messages;
using Kiosk.Simulators.Rfid;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Simulators.Tests.Rfid;

/// <summary>
/// A responder on an in-memory line with a fake clock, and the host side built from the protocol codecs. Each exchange
/// waits until the responder holds its reply back, advances the clock by exactly that delay, then reads the reply.
/// </summary>
internal sealed class ReaderHarness : IAsyncDisposable
{
    /// <summary>
    /// Bound on waiting for something that should happen at once; a hang fails instead of blocking the run. A cap for a
    /// starved machine, not a duration any test waits out: 10 s was too short at a load of 30 with 20 KB of noise to decode.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DuplexStream _host;
    private readonly DuplexStream _reader;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;
    private readonly FeigFrameDecoder _feigDecoder = new(FrameDirection.ReaderToHost);
    private readonly ThreeMFrameDecoder _threeMDecoder = new(FrameDirection.ReaderToHost);
    private readonly byte[] _buffer = new byte[1024];

    private ReaderHarness(ReaderResponder responder, FakeTimeProvider clock)
    {
        Responder = responder;
        Clock = clock;
        (_host, _reader) = DuplexStream.CreatePair();
        _run = Task.Run(() => responder.RunAsync(_reader, _stop.Token));
    }

    public ReaderResponder Responder { get; }

    public FakeTimeProvider Clock { get; }

    public RfidField Field => Responder.Field;

    public ReaderFaults Faults => Responder.Faults;

    /// <summary>Errors the host-side decoder reported while reading replies (garbage, bad frames).</summary>
    public List<FrameDecodeError> DecodeErrors { get; } = [];

    public Task RunTask => _run;

    public static ReaderHarness Feig(FeigReaderSimulatorOptions? options = null, RfidField? field = null)
    {
        var clock = new FakeTimeProvider();
        return new ReaderHarness(new FeigReaderResponder(field ?? new RfidField(2), options, clock), clock);
    }

    public static ReaderHarness ThreeM(ThreeMReaderSimulatorOptions? options = null, RfidField? field = null)
    {
        var clock = new FakeTimeProvider();
        return new ReaderHarness(new ThreeMReaderResponder(field ?? new RfidField(), options, clock), clock);
    }

    public FeigReaderResponder FeigResponder => (FeigReaderResponder)Responder;

    public static void WaitUntil(Func<bool> condition, string what)
    {
        if (!SpinWait.SpinUntil(condition, Patience))
        {
            throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}.");
        }
    }

    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        await _host.WriteAsync(bytes);
        await _host.FlushAsync();
    }

    /// <summary>Waits until the reply is held back, then advances the clock by its delay and returns the delay.</summary>
    public TimeSpan ReleaseReply()
    {
        TimeSpan? delay = null;
        WaitUntil(() => (delay = Responder.PendingReplyDelay) is not null, "the responder to hold a reply back");
        Clock.Advance(delay!.Value);
        return delay.Value;
    }

    public async Task<FeigResponse> ExchangeAsync(FeigRequest request)
    {
        _feigDecoder.PendingRequest = request;
        await SendAsync(FeigEncoder.Encode(request));
        ReleaseReply();
        return await ReadFeigAsync();
    }

    /// <summary>Sends a request without waiting for its reply; read it with <see cref="ReadFeigAsync"/>.</summary>
    public Task SendAsync(FeigRequest request)
    {
        _feigDecoder.PendingRequest = request;
        return SendAsync(FeigEncoder.Encode(request));
    }

    public async Task<FeigResponse> ExchangeRawFeigAsync(byte[] frame)
    {
        _feigDecoder.PendingRequest = null;
        await SendAsync(frame);
        ReleaseReply();
        return await ReadFeigAsync();
    }

    public async Task<FeigResponse> ReadFeigAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            while (_feigDecoder.TryRead(out var result))
            {
                if (result.Response is { } response && result.Error is null)
                {
                    return response;
                }

                DecodeErrors.Add(result.Error!);
            }

            var read = await _host.ReadAsync(_buffer, timeout.Token);
            if (read == 0)
            {
                throw new EndOfStreamException("The reader side closed the line before replying.");
            }

            _feigDecoder.Feed(_buffer.AsSpan(0, read));
        }
    }

    public async Task<ThreeMResponse> ExchangeAsync(ThreeMRequest request)
    {
        await SendAsync(ThreeMEncoder.Encode(request));
        ReleaseReply();
        return await ReadThreeMAsync();
    }

    public async Task<ThreeMResponse> ReadThreeMAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            while (_threeMDecoder.TryRead(out var result))
            {
                if (result.Response is { } response && result.Error is null)
                {
                    return response;
                }

                DecodeErrors.Add(result.Error!);
            }

            var read = await _host.ReadAsync(_buffer, timeout.Token);
            if (read == 0)
            {
                throw new EndOfStreamException("The reader side closed the line before replying.");
            }

            _threeMDecoder.Feed(_buffer.AsSpan(0, read));
        }
    }

    /// <summary>Sends <paramref name="request"/> as it is and returns the reply frame byte for byte.</summary>
    public async Task<byte[]> ExchangeBytesAsync(byte[] request)
    {
        _feigDecoder.PendingRequest = null;
        await SendAsync(request);
        ReleaseReply();
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            if (Responder is FeigReaderResponder)
            {
                while (_feigDecoder.TryRead(out var result))
                {
                    if (result.Frame is { } frame)
                    {
                        return frame.Bytes.ToArray();
                    }

                    DecodeErrors.Add(result.Error!);
                }
            }
            else
            {
                while (_threeMDecoder.TryRead(out var result))
                {
                    if (result.Frame is { } frame)
                    {
                        return frame.Bytes.ToArray();
                    }

                    DecodeErrors.Add(result.Error!);
                }
            }

            var read = await _host.ReadAsync(_buffer, timeout.Token);
            if (read == 0)
            {
                throw new EndOfStreamException("The reader side closed the line before replying.");
            }

            _feigDecoder.Feed(_buffer.AsSpan(0, read));
            _threeMDecoder.Feed(_buffer.AsSpan(0, read));
        }
    }

    /// <summary>Sends bytes the reader must not answer and waits until it has dropped them.</summary>
    public async Task SendIgnoredAsync(ReadOnlyMemory<byte> bytes, long ignoredBefore)
    {
        await SendAsync(bytes);
        WaitUntil(() => Responder.RequestsIgnored > ignoredBefore, "the reader to drop the bytes");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _host.DisposeAsync();
        await _run.WaitAsync(Patience);
        await _reader.DisposeAsync();
        _stop.Dispose();
    }
}
