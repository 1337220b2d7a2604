namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>
/// An ISO host command aimed at one transponder: <c>SUB MODE [UID]</c>, where the UID (8 bytes, most significant
/// first, §7.1.1.1 p.84) is present only in addressed mode (e.g. §7.1.3, p.93).
/// </summary>
public abstract record FeigTransponderRequest : FeigIsoRequest
{
    /// <summary>Addressed, non-addressed or selected.</summary>
    public FeigAddressingMode Mode { get; init; } = FeigAddressingMode.Addressed;

    /// <summary>The transponder's UID; required in <see cref="FeigAddressingMode.Addressed"/> mode, ignored otherwise.</summary>
    public TransponderUid? Uid { get; init; }

    /// <summary>MODE bits above the ADR bits (bit 3 is SEC in Read Multiple Blocks).</summary>
    private protected virtual byte ModeFlags => 0;

    internal override void WriteRequestData(FrameWriter writer)
    {
        writer.Write((byte)((byte)Mode | ModeFlags));
        if (Mode == FeigAddressingMode.Addressed)
        {
            writer.Write(Uid ?? throw new InvalidOperationException(
                $"{GetType().Name} in addressed mode needs the transponder's UID; take it from an inventory, or use non-addressed mode."));
        }

        WriteParameters(writer);
    }

    private protected abstract void WriteParameters(FrameWriter writer);
}
