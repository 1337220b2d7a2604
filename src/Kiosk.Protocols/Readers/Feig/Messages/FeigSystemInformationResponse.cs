namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>
/// Reply to [0xB0][0x2B] Get System Information: <c>DSFID UID(8) AFI MEM-SIZE(2) IC-REF</c> (ID CPR manual §7.2.8,
/// p.104–105). Unsupported fields come back as zero.
/// </summary>
public sealed record FeigSystemInformationResponse : FeigResponse
{
    /// <summary>The Data Storage Format Identifier.</summary>
    public byte Dsfid { get; init; }

    /// <summary>The UID, most significant byte first.</summary>
    public TransponderUid Uid { get; init; }

    /// <summary>The Application Family Identifier, 0x00 when the tag has none.</summary>
    public byte Afi { get; init; }

    /// <summary>
    /// MEM-SIZE byte 15: block size in its low nibble. The manual calls it "block size in bytes"; ISO/IEC 15693-3 codes
    /// it as size − 1, so the raw value is kept.
    /// </summary>
    public byte BlockSizeField { get; init; }

    /// <summary>MEM-SIZE byte 16: number of blocks, raw (ISO/IEC 15693-3 codes it as count − 1).</summary>
    public byte BlockCountField { get; init; }

    /// <summary>IC-REF: the chip's version.</summary>
    public byte IcReference { get; init; }

    /// <inheritdoc/>
    public override byte Command => (byte)FeigCommand.IsoStandardHostCommand;

    private protected override void WriteData(FrameWriter writer)
    {
        if (Status != FeigStatus.Ok)
        {
            return;
        }

        writer.Write(Dsfid);
        writer.Write(Uid);
        writer.Write(Afi);
        writer.Write(BlockSizeField);
        writer.Write(BlockCountField);
        writer.Write(IcReference);
    }
}
