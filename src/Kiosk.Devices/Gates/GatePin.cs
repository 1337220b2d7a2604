namespace Kiosk.Devices.Gates;

/// <summary>One line of a gate's pin map: a GPIO line number and the level that means "active".</summary>
/// <remarks>
/// The polarity is kept as text so that a misspelt value is reported by <see cref="GatePinMapLoader"/> with its key and
/// the two accepted spellings, rather than as a JSON converter error.
/// </remarks>
public sealed class GatePin
{
    /// <summary>The GPIO line number on the gate's chip (the kernel's line offset, as <c>gpioinfo</c> lists it).</summary>
    public int? Pin { get; set; }

    /// <summary><c>ActiveHigh</c> or <c>ActiveLow</c>.</summary>
    public string? Polarity { get; set; }

    /// <summary>The parsed polarity; only meaningful after <see cref="GatePinMapLoader"/> has accepted the map.</summary>
    public GatePinPolarity ParsedPolarity =>
        Enum.TryParse<GatePinPolarity>(Polarity, ignoreCase: true, out var polarity) ? polarity : GatePinPolarity.ActiveHigh;

    /// <summary>The line number.</summary>
    /// <exception cref="InvalidOperationException">The pin map was not validated and this pin has none.</exception>
    public int Number => Pin ?? throw new InvalidOperationException("The pin map was not validated; load it with GatePinMapLoader.");
}
