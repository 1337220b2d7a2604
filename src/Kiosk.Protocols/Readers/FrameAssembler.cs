using System.Globalization;

namespace Kiosk.Protocols.Readers;

/// <summary>
/// Cuts a byte stream into length-prefixed, CRC-checked frames. Neither FEIG nor 3M frames carry an end marker, so after
/// garbage (line noise, a reader booting, a half frame from before a reconnect) the only way back into step is to try
/// each following byte as a header and keep the first candidate whose CRC holds. While a declared frame is still
/// incomplete, later offsets are tried too, so one bad length byte cannot hold back the good frame behind it. The buffer
/// never grows past <c>maxFrameLength</c>; nothing here throws on what came off the wire.
/// </summary>
/// <remarks>
/// Every offset is a candidate, and each is looked at a bounded number of times: its header once, its CRC once, when
/// the byte that completes it arrives (candidates are kept in lists by the offset where they end). Trying every offset
/// again after each skipped byte cost line noise O(frame length) per byte; see the Readers README.
/// </remarks>
internal sealed class FrameAssembler
{
    private const int NoCandidate = -1;

    private readonly IFrameSyntax _syntax;
    private readonly IRunningFrameCrc? _runningCrc;
    private readonly int _maxFrameLength;

    // Bytes live in [_start, _end). The arrays are twice the bound so that skipped bytes are dropped by moving _start,
    // and the live bytes move to the front only when the end is reached: amortised O(1) per byte.
    private readonly byte[] _buffer;
    private readonly CandidateState[] _state;
    private readonly int[] _candidateLength;

    // With a running CRC: _registers[i] is the register after the bytes before index i (from the preset at index 0).
    private readonly ushort[] _registers;
    private readonly int[] _nextEndingAtSameOffset;
    private readonly int[] _firstEndingAt;
    private readonly List<int> _validStarts = [];
    private int _start;
    private int _end;
    private int _headersReadFrom;
    private long _offset;
    private long _garbageOffset;
    private int _garbageLength;
    private string? _garbageReason;

    public FrameAssembler(IFrameSyntax syntax, int maxFrameLength)
    {
        _syntax = syntax;
        _runningCrc = syntax as IRunningFrameCrc;
        _maxFrameLength = maxFrameLength;
        var capacity = 2 * maxFrameLength;
        _buffer = new byte[capacity];
        _state = new CandidateState[capacity];
        _candidateLength = new int[capacity];
        _registers = _runningCrc is null ? [] : new ushort[capacity + 1];
        if (_runningCrc is not null)
        {
            _registers[0] = _runningCrc.Preset;
        }
        _nextEndingAtSameOffset = new int[capacity];
        _firstEndingAt = new int[capacity + maxFrameLength + 1];
        Array.Fill(_firstEndingAt, NoCandidate);
    }

    private enum CandidateState : byte
    {
        /// <summary>Too few bytes yet to read its header.</summary>
        HeaderIncomplete,

        /// <summary>Its header cannot start a frame, or declares more than the bound.</summary>
        NotAHeader,

        /// <summary>Its length is known; the bytes up to its end have not all arrived.</summary>
        WaitingForEnd,

        /// <summary>Complete, and its CRC does not hold.</summary>
        CrcFailed,

        /// <summary>Complete, and its CRC holds.</summary>
        CrcValid,
    }

    private enum SkipReason
    {
        NotAHeader,
        CrcFailed,
        Truncated,
    }

    /// <summary>Bytes held while a frame is incomplete.</summary>
    public int Pending => _end - _start;

    public void Feed(ReadOnlySpan<byte> bytes, Queue<FrameAssemblerOutput> output)
    {
        while (!bytes.IsEmpty)
        {
            // Process() always leaves room: an incomplete frame is shorter than the limit it was checked against.
            var take = Math.Min(bytes.Length, _maxFrameLength - Pending);
            if (_end + take > _buffer.Length)
            {
                MoveToFront();
            }

            bytes[..take].CopyTo(_buffer.AsSpan(_end));
            var previousEnd = _end;
            _end += take;
            UpdateRegisters(previousEnd);
            bytes = bytes[take..];
            CheckCandidatesEndingAfter(previousEnd);
            ReadNewHeaders();
            Process(output);
        }
    }

    /// <summary>Reports whatever is buffered as a truncated frame and forgets it.</summary>
    public void FlushIncomplete(Queue<FrameAssemblerOutput> output)
    {
        if (Pending == 0)
        {
            FlushGarbage(output);
            return;
        }

        var header = _syntax.ReadHeader(_buffer.AsSpan(_start, Pending));
        var expected = header.Kind == FrameHeaderKind.Length
            ? string.Create(CultureInfo.InvariantCulture, $"a frame of {header.Length} bytes")
            : "a complete header";
        AddGarbage(Pending, string.Create(CultureInfo.InvariantCulture, $"truncated frame: the line went quiet after {Pending} byte(s) of {expected}"));
        Skip(Pending);
        FlushGarbage(output);
        Clear();
    }

    public void Reset()
    {
        Clear();
        _offset = 0;
        _garbageLength = 0;
        _garbageReason = null;
    }

    private void Process(Queue<FrameAssemblerOutput> output)
    {
        while (_start < _end)
        {
            var start = _start;
            switch (_state[start])
            {
                case CandidateState.NotAHeader:
                    AddGarbage(1, SkipReason.NotAHeader);
                    Skip(1);
                    continue;

                case CandidateState.CrcFailed:
                    AddGarbage(1, SkipReason.CrcFailed);
                    Skip(1);
                    continue;

                case CandidateState.CrcValid:
                    var length = _candidateLength[start];
                    FlushGarbage(output);
                    output.Enqueue(new FrameAssemblerOutput(_buffer.AsSpan(start, length).ToArray(), _offset, null));
                    Skip(length);
                    continue;
            }

            // Incomplete: a later offset may already hold a whole frame whose CRC holds.
            var valid = FirstValidStartAfter(start);
            if (valid == NoCandidate)
            {
                break;
            }

            AddGarbage(valid - start, SkipReason.Truncated);
            Skip(valid - start);
        }

        // Nothing at or after _start is complete and valid any more.
        _validStarts.Clear();
        FlushGarbage(output);
    }

    private void CheckCandidatesEndingAfter(int previousEnd)
    {
        for (var end = previousEnd + 1; end <= _end; end++)
        {
            for (var start = _firstEndingAt[end]; start != NoCandidate; start = _nextEndingAtSameOffset[start])
            {
                // A candidate whose first byte was skipped is gone; its CRC is not needed.
                if (start >= _start)
                {
                    Check(start);
                }
            }

            _firstEndingAt[end] = NoCandidate;
        }
    }

    private void ReadNewHeaders()
    {
        var firstIncomplete = NoCandidate;
        for (var start = Math.Max(_headersReadFrom, _start); start < _end; start++)
        {
            if (_state[start] != CandidateState.HeaderIncomplete)
            {
                continue;
            }

            var header = _syntax.ReadHeader(_buffer.AsSpan(start, _end - start));
            switch (header.Kind)
            {
                case FrameHeaderKind.NeedMore:
                    if (firstIncomplete == NoCandidate)
                    {
                        firstIncomplete = start;
                    }

                    break;

                case FrameHeaderKind.Length when header.Length <= _maxFrameLength:
                    _candidateLength[start] = header.Length;
                    if (start + header.Length <= _end)
                    {
                        Check(start);
                    }
                    else
                    {
                        _state[start] = CandidateState.WaitingForEnd;
                        var end = start + header.Length;
                        _nextEndingAtSameOffset[start] = _firstEndingAt[end];
                        _firstEndingAt[end] = start;
                    }

                    break;

                default:
                    _state[start] = CandidateState.NotAHeader;
                    break;
            }
        }

        // Only the last few offsets can lack a whole header; the next read starts there.
        _headersReadFrom = firstIncomplete == NoCandidate ? _end : firstIncomplete;
    }

    private void UpdateRegisters(int from)
    {
        if (_runningCrc is not { } crc)
        {
            return;
        }

        var register = _registers[from];
        for (var index = from; index < _end; index++)
        {
            register = crc.Update(register, _buffer[index]);
            _registers[index + 1] = register;
        }
    }

    private void Check(int start)
    {
        var length = _candidateLength[start];
        var holds = false;
        var known = false;
        if (_runningCrc is { } crc)
        {
            holds = crc.TryHolds(_registers[start], _registers[start + length], length, out known);
        }

        if (!known)
        {
            holds = _syntax.HasValidCrc(_buffer.AsSpan(start, length));
        }

        if (holds)
        {
            _state[start] = CandidateState.CrcValid;
            var index = _validStarts.BinarySearch(start);
            _validStarts.Insert(~index, start);
        }
        else
        {
            _state[start] = CandidateState.CrcFailed;
        }
    }

    private int FirstValidStartAfter(int start)
    {
        foreach (var valid in _validStarts)
        {
            if (valid > start)
            {
                return valid;
            }
        }

        return NoCandidate;
    }

    /// <summary>Counts skipped bytes; only the first skip of a run is described, so only then is its reason formatted.</summary>
    private void AddGarbage(int count, SkipReason reason)
    {
        if (_garbageLength == 0)
        {
            AddGarbage(count, Describe(reason));
            return;
        }

        _garbageLength += count;
    }

    private string Describe(SkipReason reason)
    {
        var header = _syntax.ReadHeader(_buffer.AsSpan(_start, Pending));
        return reason switch
        {
            SkipReason.NotAHeader when header.Kind == FrameHeaderKind.Invalid => header.Reason!,
            SkipReason.NotAHeader => string.Create(
                CultureInfo.InvariantCulture,
                $"over-long frame: the header declares {header.Length} bytes, more than the limit of {_maxFrameLength}"),
            SkipReason.CrcFailed => string.Create(CultureInfo.InvariantCulture, $"a frame of {header.Length} bytes failed its CRC check"),
            _ when header.Kind == FrameHeaderKind.Length => string.Create(
                CultureInfo.InvariantCulture,
                $"truncated frame: it declared {header.Length} bytes but a valid frame began after "
                + $"{FirstValidStartAfter(_start) - _start}"),
            _ => "truncated frame header",
        };
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

    private void Skip(int count)
    {
        _start += count;
        _offset += count;
    }

    /// <summary>Moves the live bytes and what is known of them to index 0, and files the waiting candidates again.</summary>
    private void MoveToFront()
    {
        var shift = _start;
        var pending = Pending;
        Array.Copy(_buffer, shift, _buffer, 0, pending);
        Array.Copy(_state, shift, _state, 0, pending);
        Array.Copy(_candidateLength, shift, _candidateLength, 0, pending);
        Array.Clear(_state, pending, _state.Length - pending);
        Array.Fill(_firstEndingAt, NoCandidate);
        _start = 0;
        _end = pending;
        UpdateRegisters(0);
        _headersReadFrom = Math.Max(0, _headersReadFrom - shift);
        for (var start = 0; start < pending; start++)
        {
            if (_state[start] == CandidateState.WaitingForEnd)
            {
                var end = start + _candidateLength[start];
                _nextEndingAtSameOffset[start] = _firstEndingAt[end];
                _firstEndingAt[end] = start;
            }
        }
    }

    private void Clear()
    {
        Array.Clear(_state, 0, _end);
        Array.Fill(_firstEndingAt, NoCandidate);
        _validStarts.Clear();
        _start = 0;
        _end = 0;
        _headersReadFrom = 0;
    }
}
