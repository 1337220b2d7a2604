namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>
/// Reply to [0x65] Get Software Version: <c>SW-REV(2) D-REV HW-TYPE SW-TYPE TR-TYPE(2)</c> (ID CPR manual §6.4, p.66–67).
/// </summary>
public sealed record FeigSoftwareVersionResponse : FeigResponse
{
    /// <summary>SW-REV: firmware version, e.g. 0x0205 for 02.05.</summary>
    public ushort SoftwareRevision { get; init; }

    /// <summary>D-REV: firmware revision status.</summary>
    public byte DevelopmentRevision { get; init; }

    /// <summary>HW-TYPE: hardware options (SAM socket, antenna, model).</summary>
    public byte HardwareType { get; init; }

    /// <summary>SW-TYPE: the reader type (Annex B; 80 is ID CPR.M02, 81 ID CPR.02).</summary>
    public byte ReaderType { get; init; }

    /// <summary>TR-TYPE: bit field of supported transponders (bit 3 ISO 15693).</summary>
    public ushort TransponderTypes { get; init; }

    /// <inheritdoc/>
    public override byte Command => (byte)FeigCommand.GetSoftwareVersion;

    private protected override void WriteData(FrameWriter writer)
    {
        writer.WriteUInt16BigEndian(SoftwareRevision);
        writer.Write(DevelopmentRevision);
        writer.Write(HardwareType);
        writer.Write(ReaderType);
        writer.WriteUInt16BigEndian(TransponderTypes);
    }
}
