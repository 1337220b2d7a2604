using System.Buffers.Binary;
using System.Globalization;

namespace Kiosk.Protocols.Readers.Feig;

/// <summary>Where a FEIG frame ends and whether its CRC holds (ID CPR manual §3.1–3.2, p.18–20).</summary>
internal sealed class FeigFrameSyntax(FrameDirection direction) : IFrameSyntax, IRunningFrameCrc
{
    /// <summary>STX, the first byte of an advanced frame. No standard frame is this short, so it cannot be a LEN.</summary>
    public const byte StartOfText = 0x02;

    public FrameHeader ReadHeader(ReadOnlySpan<byte> buffer) => ReadHeader(buffer, direction);

    public bool HasValidCrc(ReadOnlySpan<byte> frame) =>
        frame.Length >= 2 && FeigCrc.Compute(frame[..^2]) == BinaryPrimitives.ReadUInt16LittleEndian(frame[^2..]);

    public ushort Preset => 0xFFFF;

    public ushort Update(ushort register, byte value) => FeigCrc.Update(register, value);

    public bool TryHolds(ushort registerAtStart, ushort registerAtEnd, int length, out bool known) =>
        FeigCrc.TryHolds(registerAtStart, registerAtEnd, length, out known);

    public static FrameHeader ReadHeader(ReadOnlySpan<byte> buffer, FrameDirection direction)
    {
        if (buffer.IsEmpty)
        {
            return FrameHeader.NeedMore;
        }

        // LEN ADR CMD [STATUS] CRC CRC; the advanced form adds two length bytes.
        var status = direction == FrameDirection.ReaderToHost ? 1 : 0;
        if (buffer[0] == StartOfText)
        {
            if (buffer.Length < 3)
            {
                return FrameHeader.NeedMore;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(buffer[1..3]);
            var minimum = 7 + status;
            return length < minimum
                ? FrameHeader.Invalid(string.Create(CultureInfo.InvariantCulture, $"advanced frame length {length} is below the minimum of {minimum}"))
                : FrameHeader.Of(length);
        }

        var standardMinimum = 5 + status;
        return buffer[0] < standardMinimum
            ? FrameHeader.Invalid(string.Create(CultureInfo.InvariantCulture, $"length byte 0x{buffer[0]:X2} is below the minimum frame length of {standardMinimum}"))
            : FrameHeader.Of(buffer[0]);
    }
}
