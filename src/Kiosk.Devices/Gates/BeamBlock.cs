namespace Kiosk.Devices.Gates;

/// <summary>One stretch of time a beam was blocked, and the block on the other beam it pairs with in a passage.</summary>
internal sealed class BeamBlock(GateBeam beam)
{
    public GateBeam Beam { get; } = beam;

    public DateTimeOffset? End { get; set; }

    public BeamBlock? Leader { get; set; }

    public BeamBlock? Follower { get; set; }
}
