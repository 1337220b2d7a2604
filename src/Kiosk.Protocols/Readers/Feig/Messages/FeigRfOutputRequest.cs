namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>[0x6A] RF Output ON/OFF (ID CPR manual §6.7, p.73).</summary>
public sealed record FeigRfOutputRequest : FeigRequest
{
    /// <summary>RF_OUTPUT ANT_OUT bits: 0 switches every antenna off, 1 antenna 1 on, 2 antenna 2 on.</summary>
    public byte AntennaOutput { get; init; }

    /// <inheritdoc/>
    public override byte Command => (byte)FeigCommand.RfOutput;

    internal override void WriteData(FrameWriter writer) => writer.Write(AntennaOutput);
}
