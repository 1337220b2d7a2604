namespace Kiosk.Protocols.Readers;

/// <summary>Bytes a frame decoder could not use, where they were in the stream, and why.</summary>
/// <param name="Offset">Offset of the first byte concerned, counted from the first byte fed since the decoder was made or reset.</param>
/// <param name="Length">How many bytes the error covers.</param>
/// <param name="Reason">What was wrong and what was expected, in words a technician can act on.</param>
public sealed record FrameDecodeError(long Offset, int Length, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"at byte {Offset} ({Length} byte(s)): {Reason}";
}
