namespace Kiosk.Protocols.Sip2;

/// <summary>
/// Splits a byte stream into SIP2 frames and decodes each. Feed it whatever the transport delivers; read results until
/// it has none. It accepts CR and CR LF terminators whatever the options say, skips empty lines, and after garbage or an
/// over-long run it reports an error and resynchronises at the next terminator. It never throws on bad input.
/// </summary>
public sealed class Sip2FrameDecoder(Sip2CodecOptions options)
{
    private readonly Queue<Sip2DecodeResult> _results = new();
    private byte[] _buffer = new byte[1024];
    private int _length;
    private bool _discarding;

    /// <summary>A decoder with <see cref="Sip2CodecOptions.Default"/>.</summary>
    public Sip2FrameDecoder()
        : this(Sip2CodecOptions.Default)
    {
    }

    /// <summary>The options this decoder reads with.</summary>
    public Sip2CodecOptions Options { get; } = Checked(options);

    /// <summary>How many bytes wait for a terminator.</summary>
    public int Pending => _length;

    /// <summary>Adds bytes from the wire.</summary>
    public void Feed(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var cr = bytes.IndexOf((byte)'\r');
            var chunk = cr < 0 ? bytes : bytes[..cr];
            Append(chunk);
            if (cr < 0)
            {
                return;
            }

            CompleteFrame();
            bytes = bytes[(cr + 1)..];
        }
    }

    /// <summary>Takes the next decoded frame, if one is ready.</summary>
    public bool TryRead(out Sip2DecodeResult result) => _results.TryDequeue(out result!);

    /// <summary>Forgets any partial frame, as after a reconnect.</summary>
    public void Reset()
    {
        _length = 0;
        _discarding = false;
        _results.Clear();
    }

    private void Append(ReadOnlySpan<byte> chunk)
    {
        if (_discarding)
        {
            return;
        }

        // The LF of a CR LF terminator belongs to the frame before: it is not the start of a pending frame.
        if (_length == 0)
        {
            chunk = chunk.TrimStart((byte)'\n');
        }

        if (_length + chunk.Length > Options.MaxFrameLength)
        {
            _results.Enqueue(new Sip2DecodeResult
            {
                Error = new Sip2DecodeError(_length, $"expected a terminator (CR) within {Options.MaxFrameLength} bytes, found none; skipping to the next CR"),
            });
            _length = 0;
            _discarding = true;
            return;
        }

        if (_length + chunk.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + chunk.Length));
        }

        chunk.CopyTo(_buffer.AsSpan(_length));
        _length += chunk.Length;
    }

    private void CompleteFrame()
    {
        if (_discarding)
        {
            _discarding = false;
            _length = 0;
            return;
        }

        var frame = _buffer.AsSpan(0, _length);

        // A CR LF terminator leaves its LF at the start of the next frame; so do peers that send LF after every message.
        while (!frame.IsEmpty && frame[0] == '\n')
        {
            frame = frame[1..];
        }

        if (!frame.IsEmpty)
        {
            _results.Enqueue(Sip2MessageParser.Parse(frame, Options));
        }

        _length = 0;
    }

    private static Sip2CodecOptions Checked(Sip2CodecOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // A frame must fit its fixed fields; more than 16 MiB without a CR is a peer gone wrong, not a message.
        if (options.MaxFrameLength is < 64 or > 16 * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.MaxFrameLength, "MaxFrameLength must be between 64 bytes and 16 MiB.");
        }

        return options;
    }
}
