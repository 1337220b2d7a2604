namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>An [0xB0] ISO standard host command: the sub-command byte, then its request data (ID CPR manual §7.1, p.80).</summary>
public abstract record FeigIsoRequest : FeigRequest
{
    /// <inheritdoc/>
    public override byte Command => (byte)FeigCommand.IsoStandardHostCommand;

    /// <summary>The ISO 15693 sub-command.</summary>
    public abstract FeigIsoCommand IsoCommand { get; }

    internal override void WriteData(FrameWriter writer)
    {
        writer.Write((byte)IsoCommand);
        WriteRequestData(writer);
    }

    internal abstract void WriteRequestData(FrameWriter writer);
}
