using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Kiosk.Protocols.Readers.Feig;

/// <summary>
/// One FEIG frame as it stood on the wire, before its data field is interpreted: layout, bus address, command, the
/// reply's status, the data and both CRCs (ID CPR manual §3.1, p.18–19).
/// </summary>
public sealed record FeigFrame
{
    /// <summary>Standard (LEN byte) or advanced (STX and two length bytes).</summary>
    public required FeigFrameFormat Format { get; init; }

    /// <summary>Which side sent it; only replies carry a status.</summary>
    public required FrameDirection Direction { get; init; }

    /// <summary>COM-ADR: the reader's bus address; 255 reaches any reader (§3.1, p.19).</summary>
    public required byte Address { get; init; }

    /// <summary>The command byte, echoed in the reply.</summary>
    public required byte Command { get; init; }

    /// <summary>The reply's status byte, or null on a request.</summary>
    public FeigStatus? Status { get; init; }

    /// <summary>The bytes between the command (or status) and the CRC.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The CRC the frame carried.</summary>
    public required ushort CarriedCrc { get; init; }

    /// <summary>The CRC of the frame's bytes.</summary>
    public required ushort ComputedCrc { get; init; }

    /// <summary>Whether the carried CRC matches the bytes.</summary>
    public bool CrcValid => CarriedCrc == ComputedCrc;

    /// <summary>The whole frame.</summary>
    public ReadOnlyMemory<byte> Bytes { get; init; }

    /// <summary>
    /// Reads exactly one frame from <paramref name="bytes"/>. A wrong CRC still yields a frame (with
    /// <see cref="CrcValid"/> false) so it can be shown; a length that disagrees with the bytes does not.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, FrameDirection direction, [NotNullWhen(true)] out FeigFrame? frame, [NotNullWhen(false)] out string? problem)
    {
        frame = null;
        var header = FeigFrameSyntax.ReadHeader(bytes, direction);
        if (header.Kind == FrameHeaderKind.Invalid)
        {
            problem = header.Reason!;
            return false;
        }

        if (header.Kind == FrameHeaderKind.NeedMore)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"truncated frame: {bytes.Length} byte(s) are too few for a FEIG header");
            return false;
        }

        if (header.Length != bytes.Length)
        {
            problem = header.Length > bytes.Length
                ? string.Create(CultureInfo.InvariantCulture, $"truncated frame: the length field declares {header.Length} bytes but only {bytes.Length} were given")
                : string.Create(CultureInfo.InvariantCulture, $"over-long frame: the length field declares {header.Length} bytes but {bytes.Length} were given");
            return false;
        }

        var advanced = bytes[0] == FeigFrameSyntax.StartOfText;
        var position = advanced ? 3 : 1;
        var address = bytes[position++];
        var command = bytes[position++];
        FeigStatus? status = null;
        if (direction == FrameDirection.ReaderToHost)
        {
            status = (FeigStatus)bytes[position++];
        }

        var body = bytes[..^2];
        frame = new FeigFrame
        {
            Format = advanced ? FeigFrameFormat.Advanced : FeigFrameFormat.Standard,
            Direction = direction,
            Address = address,
            Command = command,
            Status = status,
            Data = bytes[position..^2].ToArray(),
            CarriedCrc = BinaryPrimitives.ReadUInt16LittleEndian(bytes[^2..]),
            ComputedCrc = FeigCrc.Compute(body),
            Bytes = bytes.ToArray(),
        };
        problem = null;
        return true;
    }
}
