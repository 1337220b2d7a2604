namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>
/// A reply whose data this codec keeps as bytes: the status-only replies to CPU Reset, RF Reset, RF Output, Write AFI,
/// Lock AFI and the EAS commands; error replies; and [0xB0] replies decoded without the request they answer.
/// </summary>
public sealed record FeigStatusResponse : FeigResponse
{
    /// <summary>The command byte this replies to.</summary>
    public required byte CommandByte { get; init; }

    /// <summary>Any data after the status (and after the ISO error code).</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <inheritdoc/>
    public override byte Command => CommandByte;

    private protected override void WriteData(FrameWriter writer) => writer.Write(Data.Span);
}
