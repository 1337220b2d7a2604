namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>Reply to 0x04 Write Multiblock: <c>04 ERR UID(8) [BLOCK]</c> (specification §7.6).</summary>
public sealed record ThreeMWriteBlocksResponse : ThreeMResponse
{
    /// <summary>The tag's UID.</summary>
    public TransponderUid Uid { get; init; }

    /// <summary>The block with an error, or the last written plus one; the field is optional.</summary>
    public byte? NextBlock { get; init; }

    /// <inheritdoc/>
    public override byte Command => (byte)ThreeMCommand.WriteBlocks;

    internal override void WriteFields(FrameWriter writer)
    {
        writer.Write(Uid);
        if (NextBlock is { } block)
        {
            writer.Write(block);
        }
    }
}
