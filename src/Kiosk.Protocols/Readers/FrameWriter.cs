using System.Buffers.Binary;

namespace Kiosk.Protocols.Readers;

/// <summary>A growable byte buffer the encoders write frames into.</summary>
internal sealed class FrameWriter
{
    private byte[] _buffer;

    public FrameWriter(int capacity = 64) => _buffer = new byte[capacity];

    public int Length { get; private set; }

    public void Write(byte value)
    {
        Ensure(1);
        _buffer[Length++] = value;
    }

    public void Write(ReadOnlySpan<byte> values)
    {
        Ensure(values.Length);
        values.CopyTo(_buffer.AsSpan(Length));
        Length += values.Length;
    }

    /// <summary>Writes <paramref name="values"/> last byte first.</summary>
    public void WriteReversed(ReadOnlySpan<byte> values)
    {
        Ensure(values.Length);
        var target = _buffer.AsSpan(Length, values.Length);
        values.CopyTo(target);
        target.Reverse();
        Length += values.Length;
    }

    public void Write(TransponderUid uid)
    {
        Ensure(TransponderUid.Length);
        uid.WriteBigEndian(_buffer.AsSpan(Length));
        Length += TransponderUid.Length;
    }

    public void WriteUInt16BigEndian(ushort value)
    {
        Ensure(2);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(Length), value);
        Length += 2;
    }

    public void WriteUInt16LittleEndian(ushort value)
    {
        Ensure(2);
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(Length), value);
        Length += 2;
    }

    public Span<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    private void Ensure(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }
    }
}
