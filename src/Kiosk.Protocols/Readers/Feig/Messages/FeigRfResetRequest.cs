namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>[0x69] RF Reset: the field goes off for <see cref="FeigTiming.RfResetOffTime"/> (ID CPR manual §6.6, p.72).</summary>
public sealed record FeigRfResetRequest : FeigRequest
{
    /// <inheritdoc/>
    public override byte Command => (byte)FeigCommand.RfReset;

    internal override void WriteData(FrameWriter writer)
    {
    }
}
