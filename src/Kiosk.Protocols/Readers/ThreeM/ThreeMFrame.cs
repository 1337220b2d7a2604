using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Kiosk.Protocols.Readers.ThreeM;

/// <summary>One 3M frame as it stood on the wire, before its fields are interpreted (specification §3).</summary>
public sealed record ThreeMFrame
{
    /// <summary>0xD6, or 0xD5 for the undocumented hardware-version exchange.</summary>
    public required byte StartByte { get; init; }

    /// <summary>Which side sent it; only replies carry an error code.</summary>
    public required FrameDirection Direction { get; init; }

    /// <summary>The command code, echoed in the reply.</summary>
    public required byte Command { get; init; }

    /// <summary>The reply's error code, or null on a request.</summary>
    public ThreeMErrorCode? Error { get; init; }

    /// <summary>The bytes between the command (or error code) and the CRC.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The CRC the frame carried.</summary>
    public required ushort CarriedCrc { get; init; }

    /// <summary>The CRC of the frame's bytes.</summary>
    public required ushort ComputedCrc { get; init; }

    /// <summary>Whether the carried CRC matches.</summary>
    public bool CrcValid => CarriedCrc == ComputedCrc;

    /// <summary>The whole frame.</summary>
    public ReadOnlyMemory<byte> Bytes { get; init; }

    /// <summary>Reads exactly one frame. A wrong CRC still yields a frame, with <see cref="CrcValid"/> false.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, FrameDirection direction, [NotNullWhen(true)] out ThreeMFrame? frame, [NotNullWhen(false)] out string? problem)
    {
        frame = null;
        var header = ThreeMFrameSyntax.ReadHeader(bytes, direction);
        if (header.Kind == FrameHeaderKind.Invalid)
        {
            problem = header.Reason!;
            return false;
        }

        if (header.Kind == FrameHeaderKind.NeedMore)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"truncated frame: {bytes.Length} byte(s) are too few for a 3M header");
            return false;
        }

        if (header.Length != bytes.Length)
        {
            problem = header.Length > bytes.Length
                ? string.Create(CultureInfo.InvariantCulture, $"truncated frame: the length field declares {header.Length - 3} bytes after it, but only {bytes.Length - 3} were given")
                : string.Create(CultureInfo.InvariantCulture, $"over-long frame: the length field declares {header.Length - 3} bytes after it, but {bytes.Length - 3} were given");
            return false;
        }

        var position = 4;
        ThreeMErrorCode? error = null;
        if (direction == FrameDirection.ReaderToHost)
        {
            error = (ThreeMErrorCode)bytes[position++];
        }

        frame = new ThreeMFrame
        {
            StartByte = bytes[0],
            Direction = direction,
            Command = bytes[3],
            Error = error,
            Body = bytes[position..^2].ToArray(),
            CarriedCrc = BinaryPrimitives.ReadUInt16BigEndian(bytes[^2..]),
            ComputedCrc = ThreeMCrc.Compute(bytes[1..^2]),
            Bytes = bytes.ToArray(),
        };
        problem = null;
        return true;
    }
}
