using System.Buffers.Binary;
using Kiosk.Protocols.Readers.ThreeM.Messages;

namespace Kiosk.Protocols.Readers.ThreeM;

/// <summary>
/// Writes 3M frames: <c>D6 LEN_MSB LEN_LSB CMD [ERR] FIELDS CRC_MSB CRC_LSB</c>, where LEN counts the bytes after itself
/// and the CRC covers everything after the start byte (specification §3–4).
/// </summary>
public static class ThreeMEncoder
{
    /// <summary>Encodes a request (the driver's side).</summary>
    public static byte[] Encode(ThreeMRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var writer = new FrameWriter();
        request.WriteFields(writer);
        var start = (request as ThreeMUnknownRequest)?.StartByte ?? ThreeMFrameSyntax.StartByte;
        return Frame(start, request.Command, error: null, writer.WrittenSpan);
    }

    /// <summary>Encodes a reply (the simulator's side).</summary>
    public static byte[] Encode(ThreeMResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var writer = new FrameWriter();
        response.WriteFields(writer);
        var start = (response as ThreeMUnknownResponse)?.StartByte ?? ThreeMFrameSyntax.StartByte;
        return Frame(start, response.Command, response.Error, writer.WrittenSpan);
    }

    private static byte[] Frame(byte start, byte command, ThreeMErrorCode? error, ReadOnlySpan<byte> fields)
    {
        var afterLength = 1 + (error is null ? 0 : 1) + fields.Length + 2;
        if (afterLength > ushort.MaxValue)
        {
            throw new InvalidOperationException($"A 3M frame of {afterLength} bytes after its length field does not fit the 16-bit length.");
        }

        var frame = new byte[3 + afterLength];
        frame[0] = start;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(1), (ushort)afterLength);
        var position = 3;
        frame[position++] = command;
        if (error is { } code)
        {
            frame[position++] = (byte)code;
        }

        fields.CopyTo(frame.AsSpan(position));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(frame.Length - 2), ThreeMCrc.Compute(frame.AsSpan(1, frame.Length - 3)));
        return frame;
    }
}
