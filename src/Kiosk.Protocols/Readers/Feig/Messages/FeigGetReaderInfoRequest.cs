namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>[0x66] Get Reader Info (ID CPR manual §6.5, p.68).</summary>
public sealed record FeigGetReaderInfoRequest : FeigRequest
{
    /// <summary>MODE: 0x00 general hardware and firmware, 0x02 USB controller, 0x03 RF decoder, 0x04 extra functions, 0x80 device ID.</summary>
    public byte Mode { get; init; }

    /// <inheritdoc/>
    public override byte Command => (byte)FeigCommand.GetReaderInfo;

    internal override void WriteData(FrameWriter writer) => writer.Write(Mode);
}
