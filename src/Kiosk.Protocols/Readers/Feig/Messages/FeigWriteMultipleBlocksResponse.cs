namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>
/// Reply to [0xB0][0x24] Write Multiple Blocks. With status 0x03 the data is <c>DB_ADR-E</c>; with 0x95 it is
/// <c>ISO-ERROR DB_ADR-E</c>: the block where writing failed (ID CPR manual §7.1.4, p.95–96).
/// </summary>
public sealed record FeigWriteMultipleBlocksResponse : FeigResponse
{
    /// <summary>DB_ADR-E: the block where the write failed, or null on success.</summary>
    public byte? ErrorBlockAddress { get; init; }

    /// <inheritdoc/>
    public override byte Command => (byte)FeigCommand.IsoStandardHostCommand;

    private protected override void WriteData(FrameWriter writer)
    {
        if (ErrorBlockAddress is { } block)
        {
            writer.Write(block);
        }
    }
}
