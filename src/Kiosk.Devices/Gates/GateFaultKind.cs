namespace Kiosk.Devices.Gates;

/// <summary>What is wrong with a gate.</summary>
public enum GateFaultKind
{
    /// <summary>A beam has read "blocked" for longer than <see cref="GateOptions.StuckBeamTimeout"/>: dirt, a bag left
    /// in the aisle, a knocked reflector. Passages are not counted while it lasts.</summary>
    BeamStuck,

    /// <summary>The gate's reader does not answer its polls: the gate cannot see secured items.</summary>
    ReaderUnavailable,
}
