using Kiosk.Devices.Transports;

namespace Kiosk.Devices.Rfid;

/// <summary>
/// One reader's serial line as a driver uses it: write a request, then hand each chunk of reply bytes to the protocol's
/// decoder until it says the reply is complete (it knows from the frame's length field, so the happy path never waits
/// for a quiet line), or the reply time runs out. One read stays pending across exchanges: a timed-out exchange never
/// cancels a serial read, because cancelling one could drop bytes it had already taken.
/// </summary>
internal sealed class RfidReaderLine
{
    // Larger than any reply the kiosk's readers send in one standard frame (255 bytes); longer replies take more reads.
    private const int ReadBufferSize = 1024;

    private readonly Stream _stream;
    private readonly TimeProvider _timeProvider;
    private readonly int _baudRate;
    private readonly int _bitsPerCharacter;
    private readonly byte[] _buffer = new byte[ReadBufferSize];
    private Task<int>? _read;

    public RfidReaderLine(Stream stream, TimeProvider timeProvider, int baudRate, int bitsPerCharacter)
    {
        _stream = stream;
        _timeProvider = timeProvider;
        _baudRate = baudRate;
        _bitsPerCharacter = bitsPerCharacter;
    }

    /// <summary>How long <paramref name="bytes"/> bytes take on the wire at the line's baud rate and framing.</summary>
    public TimeSpan WireTime(int bytes) => TimeSpan.FromTicks(bytes * (long)_bitsPerCharacter * TimeSpan.TicksPerSecond / _baudRate);

    /// <summary>Bits on the wire per byte: start bit, data bits, parity bit if any, stop bits.</summary>
    public static int BitsPerCharacter(int dataBits, System.IO.Ports.Parity parity, System.IO.Ports.StopBits stopBits) =>
        1 + dataBits + (parity == System.IO.Ports.Parity.None ? 0 : 1) + (stopBits == System.IO.Ports.StopBits.One ? 1 : 2);

    /// <summary>
    /// Sends <paramref name="request"/> and feeds what arrives to <paramref name="consume"/> until it returns true.
    /// Returns false when <paramref name="timeout"/> passes first.
    /// </summary>
    /// <exception cref="SerialTransportException">The port failed or vanished.</exception>
    public async Task<bool> ExchangeAsync(ReadOnlyMemory<byte> request, Func<ReadOnlyMemory<byte>, bool> consume, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The reply time starts as the request goes out; the timer exists before the reader can see the request.
        using var deadlineCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = Task.Delay(timeout, _timeProvider, deadlineCancellation.Token);
        try
        {
            await _stream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                _read ??= _stream.ReadAsync(_buffer, CancellationToken.None).AsTask();
                if (!_read.IsCompleted && await Task.WhenAny(_read, deadline).ConfigureAwait(false) == deadline)
                {
                    // Throws when the caller cancelled; otherwise the reply time ran out.
                    await deadline.ConfigureAwait(false);
                    return false;
                }

                var read = _read;
                _read = null;
                var count = await read.ConfigureAwait(false);
                if (consume(_buffer.AsMemory(0, count)))
                {
                    return true;
                }
            }
        }
        finally
        {
            await deadlineCancellation.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads and discards whatever arrives for <paramref name="duration"/>: after a request was sent twice because its
    /// reply was late, the late reply's twin must not be taken as the answer to the next command.
    /// </summary>
    /// <exception cref="SerialTransportException">The port failed or vanished.</exception>
    public async Task DrainAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        using var quietCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var quiet = Task.Delay(duration, _timeProvider, quietCancellation.Token);
        try
        {
            while (true)
            {
                _read ??= _stream.ReadAsync(_buffer, CancellationToken.None).AsTask();
                if (!_read.IsCompleted && await Task.WhenAny(_read, quiet).ConfigureAwait(false) == quiet)
                {
                    await quiet.ConfigureAwait(false);
                    return;
                }

                var read = _read;
                _read = null;
                await read.ConfigureAwait(false);
            }
        }
        finally
        {
            await quietCancellation.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Observes the read still pending when the driver is done, so its failure on close is not reported as unobserved.</summary>
    public void Abandon()
    {
        _ = _read?.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        _read = null;
    }
}
