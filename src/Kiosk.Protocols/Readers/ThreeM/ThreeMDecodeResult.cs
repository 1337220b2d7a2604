using Kiosk.Protocols.Readers.ThreeM.Messages;

namespace Kiosk.Protocols.Readers.ThreeM;

/// <summary>What the decoder found: a frame and its message, or an error naming the bytes it skipped.</summary>
public sealed record ThreeMDecodeResult
{
    /// <summary>The frame, when one was found (its CRC holds).</summary>
    public ThreeMFrame? Frame { get; init; }

    /// <summary>The decoded request, when the decoder listens to the host.</summary>
    public ThreeMRequest? Request { get; init; }

    /// <summary>The decoded reply, when the decoder listens to the reader.</summary>
    public ThreeMResponse? Response { get; init; }

    /// <summary>Why bytes were skipped or a frame's fields could not be read, or null.</summary>
    public FrameDecodeError? Error { get; init; }

    /// <summary>Whether a frame decoded to a request or reply without error.</summary>
    public bool IsSuccess => Error is null && (Request is not null || Response is not null);
}
