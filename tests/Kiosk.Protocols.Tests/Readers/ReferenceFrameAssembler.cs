using System.Globalization;
using Kiosk.Protocols.Readers;

namespace Kiosk.Protocols.Tests.Readers;

/// <summary>
/// The frame assembler as it stood before offsets were filed by where their candidates end (commit 115e68d): slow on
/// line noise (it tried every offset's header again after each skipped byte) but plainly right. Kept only as the oracle
/// that <see cref="FrameAssemblerEquivalenceTests"/> compares the fast one against.
/// </summary>
internal sealed class ReferenceFrameAssembler
{
    private readonly IFrameSyntax _syntax;
    private readonly int _maxFrameLength;
    private readonly byte[] _buffer;
    private int _length;
    private long _offset;
    private int _lookaheadCheckedThrough;
    private long _garbageOffset;
    private int _garbageLength;
    private string? _garbageReason;

    public ReferenceFrameAssembler(IFrameSyntax syntax, int maxFrameLength)
    {
        _syntax = syntax;
        _maxFrameLength = maxFrameLength;
        _buffer = new byte[maxFrameLength];
    }

    /// <summary>Bytes held while a frame is incomplete.</summary>
    public int Pending => _length;

    public void Feed(ReadOnlySpan<byte> bytes, Queue<FrameAssemblerOutput> output)
    {
        while (!bytes.IsEmpty)
        {
            // Process() always leaves room: an incomplete frame is shorter than the limit it was checked against.
            var take = Math.Min(bytes.Length, _maxFrameLength - _length);
            bytes[..take].CopyTo(_buffer.AsSpan(_length));
            _length += take;
            bytes = bytes[take..];
            Process(output);
        }
    }

    /// <summary>Reports whatever is buffered as a truncated frame and forgets it.</summary>
    public void FlushIncomplete(Queue<FrameAssemblerOutput> output)
    {
        if (_length == 0)
        {
            FlushGarbage(output);
            return;
        }

        var header = _syntax.ReadHeader(_buffer.AsSpan(0, _length));
        var expected = header.Kind == FrameHeaderKind.Length
            ? string.Create(CultureInfo.InvariantCulture, $"a frame of {header.Length} bytes")
            : "a complete header";
        AddGarbage(_length, string.Create(CultureInfo.InvariantCulture, $"truncated frame: the line went quiet after {_length} byte(s) of {expected}"));
        Consume(_length);
        FlushGarbage(output);
    }

    public void Reset()
    {
        _length = 0;
        _offset = 0;
        _lookaheadCheckedThrough = 0;
        _garbageLength = 0;
        _garbageReason = null;
    }

    private void Process(Queue<FrameAssemblerOutput> output)
    {
        while (_length > 0)
        {
            var buffered = _buffer.AsSpan(0, _length);
            var header = _syntax.ReadHeader(buffered);
            switch (header.Kind)
            {
                case FrameHeaderKind.Invalid:
                    AddGarbage(1, header.Reason!);
                    Consume(1);
                    continue;

                case FrameHeaderKind.Length when header.Length > _maxFrameLength:
                    AddGarbage(1, string.Create(CultureInfo.InvariantCulture, $"over-long frame: the header declares {header.Length} bytes, more than the limit of {_maxFrameLength}"));
                    Consume(1);
                    continue;

                case FrameHeaderKind.Length when header.Length <= _length:
                    if (_syntax.HasValidCrc(buffered[..header.Length]))
                    {
                        FlushGarbage(output);
                        output.Enqueue(new FrameAssemblerOutput(buffered[..header.Length].ToArray(), _offset, null));
                        Consume(header.Length);
                    }
                    else
                    {
                        AddGarbage(1, string.Create(CultureInfo.InvariantCulture, $"a frame of {header.Length} bytes failed its CRC check"));
                        Consume(1);
                    }

                    continue;
            }

            // Incomplete: a later offset may already hold a whole frame whose CRC holds.
            var start = FindCompleteFrameAfterStart(buffered);
            if (start > 0)
            {
                var reason = header.Kind == FrameHeaderKind.Length
                    ? string.Create(CultureInfo.InvariantCulture, $"truncated frame: it declared {header.Length} bytes but a valid frame began after {start}")
                    : "truncated frame header";
                AddGarbage(start, reason);
                Consume(start);
                continue;
            }

            FlushGarbage(output);
            return;
        }

        FlushGarbage(output);
    }

    private int FindCompleteFrameAfterStart(ReadOnlySpan<byte> buffered)
    {
        for (var start = 1; start < buffered.Length; start++)
        {
            var candidate = buffered[start..];
            var header = _syntax.ReadHeader(candidate);
            if (header.Kind != FrameHeaderKind.Length || header.Length > candidate.Length || header.Length > _maxFrameLength)
            {
                continue;
            }

            // Candidates that ended inside what was already searched failed then; only new ends need a CRC.
            if (start + header.Length <= _lookaheadCheckedThrough)
            {
                continue;
            }

            if (_syntax.HasValidCrc(candidate[..header.Length]))
            {
                return start;
            }
        }

        _lookaheadCheckedThrough = buffered.Length;
        return 0;
    }

    private void AddGarbage(int count, string reason)
    {
        if (_garbageLength == 0)
        {
            _garbageOffset = _offset;
            _garbageReason = reason;
        }

        _garbageLength += count;
    }

    private void FlushGarbage(Queue<FrameAssemblerOutput> output)
    {
        if (_garbageLength == 0)
        {
            return;
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"skipped {_garbageLength} byte(s) that did not form a valid frame; first problem: {_garbageReason}");
        output.Enqueue(new FrameAssemblerOutput(null, _garbageOffset, new FrameDecodeError(_garbageOffset, _garbageLength, reason)));
        _garbageLength = 0;
        _garbageReason = null;
    }

    private void Consume(int count)
    {
        Buffer.BlockCopy(_buffer, count, _buffer, 0, _length - count);
        _length -= count;
        _offset += count;

        // A candidate's header and CRC depend only on its own bytes, so the ones already searched stay failed when the
        // bytes before them go; searching them again after every skipped byte made line noise cost O(frame²) per byte.
        _lookaheadCheckedThrough = Math.Max(0, _lookaheadCheckedThrough - count);
    }
}
