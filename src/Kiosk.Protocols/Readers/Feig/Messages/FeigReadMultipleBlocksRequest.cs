namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>[0xB0][0x23] Read Multiple Blocks: <c>23 MODE [UID] DB_ADR DB-N</c> (ID CPR manual §7.1.3, p.93).</summary>
public sealed record FeigReadMultipleBlocksRequest : FeigTransponderRequest
{
    /// <summary>SEC, bit 3 of MODE: ask for each block's security status.</summary>
    public const byte SecurityStatusFlag = 0x08;

    /// <summary>DB_ADR: the first block, 0–255.</summary>
    public byte FirstBlock { get; init; }

    /// <summary>DB-N: how many blocks; at most 128 bytes in all (32 blocks of 4 bytes).</summary>
    public byte BlockCount { get; init; }

    /// <summary>Whether to ask for each block's security (lock) status; otherwise it comes back as 0x00.</summary>
    public bool RequestSecurityStatus { get; init; }

    /// <inheritdoc/>
    public override FeigIsoCommand IsoCommand => FeigIsoCommand.ReadMultipleBlocks;

    private protected override byte ModeFlags => RequestSecurityStatus ? SecurityStatusFlag : (byte)0;

    private protected override void WriteParameters(FrameWriter writer)
    {
        writer.Write(FirstBlock);
        writer.Write(BlockCount);
    }
}
