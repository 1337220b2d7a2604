namespace Kiosk.Protocols.Readers.Feig.Messages;

/// <summary>
/// [0xB0][0x28] Lock AFI: <c>28 MODE [UID]</c> (ID CPR manual §7.2.6, p.102). Permanent; present so the simulator can
/// recognise it. A kiosk never locks an AFI that carries security.
/// </summary>
public sealed record FeigLockAfiRequest : FeigTransponderRequest
{
    /// <inheritdoc/>
    public override FeigIsoCommand IsoCommand => FeigIsoCommand.LockAfi;

    private protected override void WriteParameters(FrameWriter writer)
    {
    }
}
