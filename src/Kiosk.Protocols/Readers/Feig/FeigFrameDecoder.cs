using System.Globalization;
using Kiosk.Protocols.Readers.Feig.Messages;

namespace Kiosk.Protocols.Readers.Feig;

/// <summary>
/// Splits a FEIG byte stream into frames and decodes each. Feed it whatever the transport delivers and read results
/// until there are none. Tell it which side it listens to: replies carry a status byte that requests lack. It
/// resynchronises after garbage (see the error it reports), never holds more than <see cref="MaxFrameLength"/> bytes,
/// and never throws on bad input.
/// </summary>
public sealed class FeigFrameDecoder
{
    /// <summary>
    /// The default bound on one frame. Replies are limited by the reader's TX-BUF (reported by [0x66] Get Reader
    /// Info, p.68); a standard frame is at most 255 bytes, and 4 KiB holds any inventory the kiosk's readers send.
    /// </summary>
    public const int DefaultMaxFrameLength = 4096;

    private readonly FrameAssembler _assembler;
    private readonly Queue<FrameAssemblerOutput> _found = new();

    /// <summary>A decoder for frames sent in <paramref name="direction"/>.</summary>
    public FeigFrameDecoder(FrameDirection direction, int maxFrameLength = DefaultMaxFrameLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameLength, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxFrameLength, ushort.MaxValue);
        Direction = direction;
        MaxFrameLength = maxFrameLength;
        _assembler = new FrameAssembler(new FeigFrameSyntax(direction), maxFrameLength);
    }

    /// <summary>Which side's frames this decoder reads.</summary>
    public FrameDirection Direction { get; }

    /// <summary>The longest frame accepted; a longer declared length is reported and skipped.</summary>
    public int MaxFrameLength { get; }

    /// <summary>
    /// On the driver's side, the request whose reply is awaited: [0xB0] replies do not repeat the sub-command, so the
    /// decoder needs it to read their data. Without it they come out as <see cref="FeigStatusResponse"/>.
    /// </summary>
    public FeigRequest? PendingRequest { get; set; }

    /// <summary>Bytes held while a frame is incomplete.</summary>
    public int Pending => _assembler.Pending;

    /// <summary>Adds bytes from the wire.</summary>
    public void Feed(ReadOnlySpan<byte> bytes) => _assembler.Feed(bytes, _found);

    /// <summary>
    /// Call when the line has been quiet for longer than <see cref="FeigTiming.MaximumCharacterGap"/>: a partial frame
    /// cannot be completed any more and is reported as truncated.
    /// </summary>
    public void FlushIncomplete() => _assembler.FlushIncomplete(_found);

    /// <summary>Takes the next result, if one is ready.</summary>
    public bool TryRead(out FeigDecodeResult result)
    {
        if (!_found.TryDequeue(out var found))
        {
            result = null!;
            return false;
        }

        result = found.Error is { } error ? new FeigDecodeResult { Error = error } : Decode(found.Frame!, found.Offset);
        return true;
    }

    /// <summary>Forgets partial frames and unread results, as after a reconnect.</summary>
    public void Reset()
    {
        _assembler.Reset();
        _found.Clear();
    }

    private FeigDecodeResult Decode(byte[] bytes, long offset)
    {
        if (!FeigFrame.TryParse(bytes, Direction, out var frame, out var problem))
        {
            return new FeigDecodeResult { Error = new FrameDecodeError(offset, bytes.Length, problem) };
        }

        if (Direction == FrameDirection.HostToReader)
        {
            return FeigMessageParser.TryParseRequest(frame, out var request, out problem)
                ? new FeigDecodeResult { Frame = frame, Request = request }
                : new FeigDecodeResult { Frame = frame, Error = new FrameDecodeError(offset, bytes.Length, Describe(frame, problem)) };
        }

        return FeigMessageParser.TryParseResponse(frame, PendingRequest, out var response, out problem)
            ? new FeigDecodeResult { Frame = frame, Response = response }
            : new FeigDecodeResult { Frame = frame, Error = new FrameDecodeError(offset, bytes.Length, Describe(frame, problem)) };
    }

    private static string Describe(FeigFrame frame, string problem) =>
        string.Create(CultureInfo.InvariantCulture, $"command 0x{frame.Command:X2}: {problem}");
}
