using System.Buffers.Binary;
using System.Globalization;

namespace Kiosk.Protocols.Readers.ThreeM;

/// <summary>Where a 3M frame ends and whether its CRC holds: <c>D6 LEN_MSB LEN_LSB CMD [ERR] … CRC_MSB CRC_LSB</c>.</summary>
internal sealed class ThreeMFrameSyntax(FrameDirection direction) : IFrameSyntax
{
    /// <summary>The start byte of every documented message (specification §3).</summary>
    public const byte StartByte = 0xD6;

    /// <summary>
    /// A second start byte seen on real 3M 810 lines: Biblio-RFID probes the hardware version with
    /// <c>D5 00 05 04 00 11 8C 66</c> and the reader answers in kind. Same length and CRC rules; its content is not documented.
    /// </summary>
    public const byte AlternateStartByte = 0xD5;

    public FrameHeader ReadHeader(ReadOnlySpan<byte> buffer) => ReadHeader(buffer, direction);

    public bool HasValidCrc(ReadOnlySpan<byte> frame) =>
        frame.Length >= 5 && ThreeMCrc.Compute(frame[1..^2]) == BinaryPrimitives.ReadUInt16BigEndian(frame[^2..]);

    public static FrameHeader ReadHeader(ReadOnlySpan<byte> buffer, FrameDirection direction)
    {
        if (buffer.IsEmpty)
        {
            return FrameHeader.NeedMore;
        }

        if (buffer[0] is not (StartByte or AlternateStartByte))
        {
            return FrameHeader.Invalid(string.Create(CultureInfo.InvariantCulture, $"expected the start byte 0xD6, found 0x{buffer[0]:X2}"));
        }

        if (buffer.Length < 3)
        {
            return FrameHeader.NeedMore;
        }

        // LEN counts the bytes after itself: command, [error], fields, CRC (specification §3).
        var length = BinaryPrimitives.ReadUInt16BigEndian(buffer[1..3]);
        var minimum = direction == FrameDirection.ReaderToHost ? 4 : 3;
        return length < minimum
            ? FrameHeader.Invalid(string.Create(CultureInfo.InvariantCulture, $"length {length} is below the minimum of {minimum} (command, {(minimum == 4 ? "error code, " : string.Empty)}CRC)"))
            : FrameHeader.Of(3 + length);
    }
}
