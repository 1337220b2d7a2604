using System.Buffers.Binary;
using Kiosk.Protocols.Readers.Feig.Messages;

namespace Kiosk.Protocols.Readers.Feig;

/// <summary>
/// Writes FEIG frames: <c>LEN ADR CMD [STATUS] DATA CRC_LSB CRC_MSB</c>, or the advanced form
/// <c>02 LEN_MSB LEN_LSB ADR CMD [STATUS] DATA CRC_LSB CRC_MSB</c> (ID CPR manual §3.1, p.18–19). The driver encodes
/// requests; the simulator encodes responses.
/// </summary>
public static class FeigEncoder
{
    /// <summary>The longest standard frame: LEN is one byte.</summary>
    public const int MaxStandardFrameLength = 255;

    /// <summary>Encodes a request as a standard frame.</summary>
    /// <exception cref="InvalidOperationException">The request is incomplete, such as addressed mode without a UID.</exception>
    public static byte[] Encode(FeigRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var writer = new FrameWriter();
        request.WriteData(writer);
        return Frame(FeigFrameFormat.Standard, request.Address, request.Command, status: null, writer.WrittenSpan);
    }

    /// <summary>
    /// Encodes a reply. It is a standard frame unless it is longer than 255 bytes or <paramref name="format"/> asks for
    /// the advanced form.
    /// </summary>
    public static byte[] Encode(FeigResponse response, FeigFrameFormat format = FeigFrameFormat.Standard)
    {
        ArgumentNullException.ThrowIfNull(response);
        var writer = new FrameWriter();
        response.WriteBody(writer);
        return Frame(format, response.Address, response.Command, response.Status, writer.WrittenSpan);
    }

    private static byte[] Frame(FeigFrameFormat format, byte address, byte command, FeigStatus? status, ReadOnlySpan<byte> data)
    {
        var statusLength = status is null ? 0 : 1;
        var standardLength = 1 + 2 + statusLength + data.Length + 2;
        var advanced = format == FeigFrameFormat.Advanced || standardLength > MaxStandardFrameLength;
        var length = advanced ? standardLength + 2 : standardLength;
        if (length > ushort.MaxValue)
        {
            throw new InvalidOperationException($"A FEIG frame of {length} bytes does not fit the 16-bit advanced length field.");
        }

        var frame = new byte[length];
        var position = 0;
        if (advanced)
        {
            frame[position++] = FeigFrameSyntax.StartOfText;
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(position), (ushort)length);
            position += 2;
        }
        else
        {
            frame[position++] = (byte)length;
        }

        frame[position++] = address;
        frame[position++] = command;
        if (status is { } value)
        {
            frame[position++] = (byte)value;
        }

        data.CopyTo(frame.AsSpan(position));
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(length - 2), FeigCrc.Compute(frame.AsSpan(0, length - 2)));
        return frame;
    }
}
