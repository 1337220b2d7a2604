using Kiosk.Protocols.Readers.Feig.Messages;

namespace Kiosk.Protocols.Readers.Feig;

/// <summary>What the decoder found: a frame and its message, or an error naming the bytes it skipped.</summary>
public sealed record FeigDecodeResult
{
    /// <summary>The frame, when one was found (its CRC holds).</summary>
    public FeigFrame? Frame { get; init; }

    /// <summary>The decoded request, when the decoder listens to the host.</summary>
    public FeigRequest? Request { get; init; }

    /// <summary>The decoded reply, when the decoder listens to the reader.</summary>
    public FeigResponse? Response { get; init; }

    /// <summary>Why bytes were skipped or a frame's data could not be read, or null.</summary>
    public FrameDecodeError? Error { get; init; }

    /// <summary>Whether a frame decoded to a request or response without error.</summary>
    public bool IsSuccess => Error is null && (Request is not null || Response is not null);
}
