namespace Kiosk.Simulators.Gates;

/// <summary>
/// The shape of a simulated gate and of the people walking through it, in metres along the walking axis, with 0 at
/// the middle of the gate. The defaults are typical rather than measured: library gate pedestals are about 0.7 m deep,
/// people-counting beams sit a hand's width apart, and an adult's torso with a bag is about 0.3 m front to back.
/// </summary>
public sealed record GateGeometry
{
    /// <summary>Distance between the two beams (each sits half of it from the middle).</summary>
    public double BeamSpacing { get; init; } = 0.20;

    /// <summary>Depth of the antennas' read zone along the axis, centred on the gate.</summary>
    public double FieldDepth { get; init; } = 0.70;

    /// <summary>Front-to-back depth of a walker's body: how long along the axis they block a beam.</summary>
    public double BodyDepth { get; init; } = 0.30;

    /// <summary>How far before the first thing it touches (beam or field) a walk starts.</summary>
    public double Approach { get; init; } = 0.05;
}
