namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>[0x63] CPU Reset; no data (ID CPR manual §6.3, p.65).</summary>
public sealed record FeigCpuResetRequest : FeigRequest
{
    /// <inheritdoc/>
    public override byte Command => (byte)FeigCommand.CpuReset;

    internal override void WriteData(FrameWriter writer)
    {
    }
}
