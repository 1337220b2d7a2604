namespace Kiosk.Protocols.Sip2;

/// <summary>What one frame decoded to: a message, or an error naming the position, and what its checksum said.</summary>
public sealed record Sip2DecodeResult
{
    /// <summary>The message, or null when the frame could not be decoded.</summary>
    public Sip2Message? Message { get; init; }

    /// <summary>Why the frame could not be decoded, or null.</summary>
    public Sip2DecodeError? Error { get; init; }

    /// <summary>The AY sequence number, 0 to 9, or null when the frame has none.</summary>
    public int? SequenceNumber { get; init; }

    /// <summary>Whether the frame carried a checksum, and whether it matched.</summary>
    public Sip2ChecksumStatus Checksum { get; init; }

    /// <summary>The fixed-length fields as they stood, for diagnostics.</summary>
    public IReadOnlyList<Sip2FixedFieldValue> FixedFields { get; init; } = [];

    /// <summary>The frame's bytes, without its terminator.</summary>
    public ReadOnlyMemory<byte> Frame { get; init; }

    /// <summary>Whether the frame decoded to a message with a valid or absent checksum.</summary>
    public bool IsSuccess => Message is not null && Error is null && Checksum != Sip2ChecksumStatus.Invalid;
}
