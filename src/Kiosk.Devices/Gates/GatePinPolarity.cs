namespace Kiosk.Devices.Gates;

/// <summary>Which logic level means "on" for an output, or "beam blocked" for an input.</summary>
public enum GatePinPolarity
{
    /// <summary>High is on (or blocked).</summary>
    ActiveHigh,

    /// <summary>Low is on (or blocked): relay boards that sink current, open-collector beam receivers.</summary>
    ActiveLow,
}
