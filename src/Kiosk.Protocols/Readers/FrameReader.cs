namespace Kiosk.Protocols.Readers;

/// <summary>Reads a frame's data field front to back without throwing: every read says whether the bytes were there.</summary>
internal ref struct FrameReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    public readonly ReadOnlySpan<byte> Rest => _data[Position..];

    public bool TryReadByte(out byte value)
    {
        if (Remaining < 1)
        {
            value = 0;
            return false;
        }

        value = _data[Position++];
        return true;
    }

    public bool TryRead(int count, out ReadOnlySpan<byte> bytes)
    {
        if (count < 0 || Remaining < count)
        {
            bytes = default;
            return false;
        }

        bytes = _data.Slice(Position, count);
        Position += count;
        return true;
    }

    public bool TryReadUid(out TransponderUid uid)
    {
        if (!TryRead(TransponderUid.Length, out var bytes))
        {
            uid = default;
            return false;
        }

        uid = TransponderUid.ReadBigEndian(bytes);
        return true;
    }
}
