namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>
/// Reply to [0xB0][0x23] Read Multiple Blocks: <c>DB-N DB-SIZE</c>, then per block <c>SEC-STATUS DB</c> (ID CPR manual
/// §7.1.3, p.93–94). Each block's bytes are reversed on the wire (Annex F, p.164); <see cref="Blocks"/> holds them in
/// the tag's order.
/// </summary>
public sealed record FeigReadMultipleBlocksResponse : FeigResponse
{
    /// <summary>DB-SIZE: bytes per block.</summary>
    public byte BlockSize { get; init; } = 4;

    /// <summary>The blocks read, first block first.</summary>
    public IReadOnlyList<FeigBlock> Blocks { get; init; } = [];

    /// <inheritdoc/>
    public override byte Command => (byte)FeigCommand.IsoStandardHostCommand;

    /// <summary>The blocks' data joined in memory order, ready for a tag data model decoder.</summary>
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

    private protected override void WriteData(FrameWriter writer)
    {
        if (Blocks.Count == 0)
        {
            return;
        }

        writer.Write((byte)Blocks.Count);
        writer.Write(BlockSize);
        foreach (var block in Blocks)
        {
            if (block.Data.Length != BlockSize)
            {
                throw new InvalidOperationException($"Every block of a Read Multiple Blocks reply holds DB-SIZE = {BlockSize} bytes; one holds {block.Data.Length}.");
            }

            writer.Write(block.SecurityStatus);
            writer.WriteReversed(block.Data.Span);
        }
    }
}
