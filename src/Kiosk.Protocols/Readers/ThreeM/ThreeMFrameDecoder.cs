using System.Globalization;

namespace Kiosk.Protocols.Readers.ThreeM;

/// <summary>
/// Splits a 3M byte stream into frames and decodes each. Feed it whatever the transport delivers and read results
/// until there are none. Tell it which side it listens to: replies carry an error code that requests lack. It skips to
/// the next start byte after garbage, keeps the first candidate whose CRC holds, never holds more than
/// <see cref="MaxFrameLength"/> bytes, and never throws on bad input.
/// </summary>
public sealed class ThreeMFrameDecoder
{
    /// <summary>The default bound on one frame; 3M replies are short (a 32-block read is under 210 bytes).</summary>
    public const int DefaultMaxFrameLength = 1024;

    private readonly FrameAssembler _assembler;
    private readonly Queue<FrameAssemblerOutput> _found = new();

    /// <summary>A decoder for frames sent in <paramref name="direction"/>.</summary>
    public ThreeMFrameDecoder(FrameDirection direction, int maxFrameLength = DefaultMaxFrameLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameLength, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxFrameLength, ushort.MaxValue + 3);
        Direction = direction;
        MaxFrameLength = maxFrameLength;
        _assembler = new FrameAssembler(new ThreeMFrameSyntax(direction), maxFrameLength);
    }

    /// <summary>Which side's frames this decoder reads.</summary>
    public FrameDirection Direction { get; }

    /// <summary>The longest frame accepted; a longer declared length is reported and skipped.</summary>
    public int MaxFrameLength { get; }

    /// <summary>Bytes held while a frame is incomplete.</summary>
    public int Pending => _assembler.Pending;

    /// <summary>Adds bytes from the wire.</summary>
    public void Feed(ReadOnlySpan<byte> bytes) => _assembler.Feed(bytes, _found);

    /// <summary>Call when the reply timed out: a partial frame is reported as truncated and dropped.</summary>
    public void FlushIncomplete() => _assembler.FlushIncomplete(_found);

    /// <summary>Takes the next result, if one is ready.</summary>
    public bool TryRead(out ThreeMDecodeResult result)
    {
        if (!_found.TryDequeue(out var found))
        {
            result = null!;
            return false;
        }

        result = found.Error is { } error ? new ThreeMDecodeResult { Error = error } : Decode(found.Frame!, found.Offset);
        return true;
    }

    /// <summary>Forgets partial frames and unread results, as after a reconnect.</summary>
    public void Reset()
    {
        _assembler.Reset();
        _found.Clear();
    }

    private ThreeMDecodeResult Decode(byte[] bytes, long offset)
    {
        if (!ThreeMFrame.TryParse(bytes, Direction, out var frame, out var problem))
        {
            return new ThreeMDecodeResult { Error = new FrameDecodeError(offset, bytes.Length, problem) };
        }

        if (Direction == FrameDirection.HostToReader)
        {
            return ThreeMMessageParser.TryParseRequest(frame, out var request, out problem)
                ? new ThreeMDecodeResult { Frame = frame, Request = request }
                : new ThreeMDecodeResult { Frame = frame, Error = new FrameDecodeError(offset, bytes.Length, Describe(frame, problem)) };
        }

        return ThreeMMessageParser.TryParseResponse(frame, out var response, out problem)
            ? new ThreeMDecodeResult { Frame = frame, Response = response }
            : new ThreeMDecodeResult { Frame = frame, Error = new FrameDecodeError(offset, bytes.Length, Describe(frame, problem)) };
    }

    private static string Describe(ThreeMFrame frame, string problem) =>
        string.Create(CultureInfo.InvariantCulture, $"command 0x{frame.Command:X2}: {problem}");
}
