using Kiosk.Devices.Gates;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Simulators.Gates;

/// <summary>A person walking through the gate, carrying tags in the middle of their body.</summary>
/// <param name="Speed">Walking speed in metres per second (1.4 is a usual pace, 2.5 a hurry).</param>
/// <param name="Direction">In (street to library) or out.</param>
/// <param name="Tags">What they carry; each tag's own AFI or EAS bit says whether it is secured.</param>
/// <param name="StartAfter">When they start walking, from the start of the scenario.</param>
/// <param name="TurnBackAt">Where along their path (metres from the gate's middle, positive past it) the middle of their body turns back; null to walk through.</param>
/// <param name="Antenna">The antenna whose field their tags enter.</param>
public sealed record Walker(
    double Speed,
    GateDirection Direction,
    IReadOnlyList<SimulatedTag> Tags,
    TimeSpan StartAfter = default,
    double? TurnBackAt = null,
    int Antenna = 1);
