namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>[0x65] Get Software Version; no data (ID CPR manual §6.4, p.66).</summary>
public sealed record FeigGetSoftwareVersionRequest : FeigRequest
{
    /// <inheritdoc/>
    public override byte Command => (byte)FeigCommand.GetSoftwareVersion;

    internal override void WriteData(FrameWriter writer)
    {
    }
}
