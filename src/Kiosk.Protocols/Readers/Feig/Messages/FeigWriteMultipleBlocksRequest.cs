namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>
/// [0xB0][0x24] Write Multiple Blocks: <c>24 MODE [UID] DB_ADR DB-N DB-SIZE DB…</c> (ID CPR manual §7.1.4, p.95).
/// <see cref="Data"/> is in the tag's memory order; on the wire each block goes byte-reversed (Annex F, p.164).
/// </summary>
public sealed record FeigWriteMultipleBlocksRequest : FeigTransponderRequest
{
    /// <summary>DB_ADR: the first block to write.</summary>
    public byte FirstBlock { get; init; }

    /// <summary>DB-SIZE: bytes per block (4 for ICODE SLIX; see the tag's system information).</summary>
    public byte BlockSize { get; init; } = 4;

    /// <summary>The blocks' contents, block after block, as the tag stores them; a whole number of blocks.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>DB-N, from the data's length.</summary>
    public int BlockCount => BlockSize == 0 ? 0 : Data.Length / BlockSize;

    /// <inheritdoc/>
    public override FeigIsoCommand IsoCommand => FeigIsoCommand.WriteMultipleBlocks;

    private protected override void WriteParameters(FrameWriter writer)
    {
        if (BlockSize == 0 || Data.Length % BlockSize != 0 || BlockCount > byte.MaxValue)
        {
            throw new InvalidOperationException(
                $"Write Multiple Blocks needs whole blocks: {Data.Length} byte(s) do not divide into blocks of {BlockSize}; pad the last block.");
        }

        writer.Write(FirstBlock);
        writer.Write((byte)BlockCount);
        writer.Write(BlockSize);
        var data = Data.Span;
        for (var offset = 0; offset < data.Length; offset += BlockSize)
        {
            writer.WriteReversed(data.Slice(offset, BlockSize));
        }
    }
}
