namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>0x02 Read Multiblock: <c>02 UID(8) FIRST COUNT [OPTIONS]</c> (specification §7.5).</summary>
public sealed record ThreeMReadBlocksRequest : ThreeMRequest
{
    /// <summary>The tag's UID.</summary>
    public required TransponderUid Uid { get; init; }

    /// <summary>The first block, 0-based.</summary>
    public byte FirstBlock { get; init; }

    /// <summary>How many blocks.</summary>
    public byte BlockCount { get; init; }

    /// <summary>
    /// Optional response options (bit 2 asks for the "new style" reply). Null sends none, which gives the "old style"
    /// reply this codec reads.
    /// </summary>
    public byte? ResponseOptions { get; init; }

    /// <inheritdoc/>
    public override byte Command => (byte)ThreeMCommand.ReadBlocks;

    internal override void WriteFields(FrameWriter writer)
    {
        writer.Write(Uid);
        writer.Write(FirstBlock);
        writer.Write(BlockCount);
        if (ResponseOptions is { } options)
        {
            writer.Write(options);
        }
    }
}
