namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>[0xB0][0x2B] Get System Information: <c>2B MODE [UID]</c> (ID CPR manual §7.2.8, p.104).</summary>
public sealed record FeigGetSystemInformationRequest : FeigTransponderRequest
{
    /// <inheritdoc/>
    public override FeigIsoCommand IsoCommand => FeigIsoCommand.GetSystemInformation;

    private protected override void WriteParameters(FrameWriter writer)
    {
    }
}
