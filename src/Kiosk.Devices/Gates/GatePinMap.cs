namespace Kiosk.Devices.Gates;

/// <summary>
/// How one exit gate is wired, kept as a JSON file in <c>firmware-config/gates/</c>: the two direction beams, the alarm
/// light and buzzer, and an optional relay, each with its polarity. Loaded and checked at start by
/// <see cref="GatePinMapLoader"/>.
/// </summary>
/// <remarks>
/// The outer beam is the one on the street side, the inner beam the one on the library side: outer then inner is a
/// person coming in, inner then outer a person going out.
/// </remarks>
public sealed class GatePinMap
{
    /// <summary>The gate's name, such as "gate-main"; events and logs use it.</summary>
    public string? Name { get; set; }

    /// <summary>The GPIO chip the lines belong to (the N of /dev/gpiochipN); 0 on a Raspberry Pi.</summary>
    public int Chip { get; set; }

    /// <summary>The infrared beam on the street side.</summary>
    public GatePin? OuterBeam { get; set; }

    /// <summary>The infrared beam on the library side.</summary>
    public GatePin? InnerBeam { get; set; }

    /// <summary>The alarm light.</summary>
    public GatePin? Light { get; set; }

    /// <summary>The buzzer.</summary>
    public GatePin? Buzzer { get; set; }

    /// <summary>An optional relay switched with the alarm (an external siren, a camera trigger); null when not wired.</summary>
    public GatePin? Relay { get; set; }

    /// <summary>The gate's outputs in a fixed order: light, buzzer, then the relay when wired.</summary>
    public IEnumerable<(string Key, GatePin Pin)> Outputs()
    {
        if (Light is not null)
        {
            yield return ("light", Light);
        }

        if (Buzzer is not null)
        {
            yield return ("buzzer", Buzzer);
        }

        if (Relay is not null)
        {
            yield return ("relay", Relay);
        }
    }
}
