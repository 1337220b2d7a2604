using Kiosk.Devices.Gates;

namespace Kiosk.Devices.Tests.Gates;

/// <summary>The pin map the gate tests use: beams active-high on 23/24, light and buzzer active-low on 17/27, relay active-high on 22.</summary>
internal static class GatePins
{
    public const int Outer = 23;
    public const int Inner = 24;
    public const int Light = 17;
    public const int Buzzer = 27;
    public const int Relay = 22;

    public const string Json = """
        {
          "name": "gate-test",
          "outerBeam": { "pin": 23, "polarity": "ActiveHigh" },
          "innerBeam": { "pin": 24, "polarity": "ActiveHigh" },
          "light": { "pin": 17, "polarity": "ActiveLow" },
          "buzzer": { "pin": 27, "polarity": "ActiveLow" },
          "relay": { "pin": 22, "polarity": "ActiveHigh" }
        }
        """;

    public static GatePinMap Map() => GatePinMapLoader.Parse(Json, "test pin map");
}
