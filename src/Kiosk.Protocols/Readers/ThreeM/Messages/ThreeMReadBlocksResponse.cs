namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>
/// Reply to 0x02 Read Multiblock, old style: <c>02 ERR UID(8) COUNT</c> then per block <c>NUMBER LOCK DATA(4)</c>
/// (specification §7.5; the captured 3M 810 session in dpavlin/koha-rfid-3m810-js has the same layout).
/// </summary>
public sealed record ThreeMReadBlocksResponse : ThreeMResponse
{
    /// <summary>The tag's UID.</summary>
    public TransponderUid Uid { get; init; }

    /// <summary>The blocks read.</summary>
    public IReadOnlyList<ThreeMBlock> Blocks { get; init; } = [];

    /// <inheritdoc/>
    public override byte Command => (byte)ThreeMCommand.ReadBlocks;

    /// <summary>The blocks' data joined in block order, ready for a tag data model decoder.</summary>
    public byte[] JoinData()
    {
        var joined = new byte[Blocks.Sum(block => block.Data.Length)];
        var offset = 0;
        foreach (var block in Blocks)
        {
            block.Data.Span.CopyTo(joined.AsSpan(offset));
            offset += block.Data.Length;
        }

        return joined;
    }

    internal override void WriteFields(FrameWriter writer)
    {
        writer.Write(Uid);
        writer.Write((byte)Blocks.Count);
        foreach (var block in Blocks)
        {
            if (block.Data.Length != ThreeMWriteBlocksRequest.BlockSize)
            {
                throw new InvalidOperationException($"3M blocks hold 4 bytes; block {block.Number} holds {block.Data.Length}.");
            }

            writer.Write(block.Number);
            writer.Write(block.LockStatus);
            writer.Write(block.Data.Span);
        }
    }
}
