namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>[0xB0][0x27] Write AFI: <c>27 MODE [UID] AFI</c> (ID CPR manual §7.2.5, p.101).</summary>
public sealed record FeigWriteAfiRequest : FeigTransponderRequest
{
    /// <summary>The new Application Family Identifier, such as 0x07 (secured) or 0xC2 (on loan).</summary>
    public byte Afi { get; init; }

    /// <inheritdoc/>
    public override FeigIsoCommand IsoCommand => FeigIsoCommand.WriteAfi;

    private protected override void WriteParameters(FrameWriter writer) => writer.Write(Afi);
}
