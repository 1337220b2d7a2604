using System.Device.Gpio;

namespace Kiosk.Devices.Gates;

/// <summary>One output line of the gate (light, buzzer or relay) with its polarity.</summary>
internal sealed class GateOutput(string key, int pin, GatePinPolarity polarity)
{
    public string Key { get; } = key;

    public int Pin { get; } = pin;

    /// <summary>The level that switches it on or off.</summary>
    public PinValue Level(bool on) => on == (polarity == GatePinPolarity.ActiveHigh) ? PinValue.High : PinValue.Low;
}
