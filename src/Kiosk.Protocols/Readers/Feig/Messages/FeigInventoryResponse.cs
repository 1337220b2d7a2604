namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>
/// Reply to [0xB0][0x01] Inventory: <c>DATA-SETS</c> then each set (ID CPR manual §7.1.1, p.83–84). With status 0x94
/// the reader holds back further sets; ask again with <see cref="FeigInventoryOptions.MoreData"/>.
/// </summary>
public sealed record FeigInventoryResponse : FeigResponse
{
    /// <summary>The transponders found, in the reader's order.</summary>
    public IReadOnlyList<FeigInventoryEntry> Transponders { get; init; } = [];

    /// <inheritdoc/>
    public override byte Command => (byte)FeigCommand.IsoStandardHostCommand;

    private protected override void WriteData(FrameWriter writer)
    {
        if (Transponders.Count == 0)
        {
            return;
        }

        writer.Write((byte)Transponders.Count);
        foreach (var entry in Transponders)
        {
            writer.Write(entry.TransponderType);
            writer.Write(entry.Dsfid);
            writer.Write(entry.Uid);
        }
    }
}
