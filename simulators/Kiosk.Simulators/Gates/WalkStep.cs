using Kiosk.Devices.Gates;

namespace Kiosk.Simulators.Gates;

/// <summary>One moment of a walk-through scenario.</summary>
/// <param name="At">From the start of the scenario.</param>
/// <param name="Kind">What happens.</param>
/// <param name="Walker">Who.</param>
/// <param name="Beam">Which beam, for beam steps.</param>
public sealed record WalkStep(TimeSpan At, WalkStepKind Kind, Walker Walker, GateBeam? Beam = null);
