namespace Kiosk.Devices.Gates;

/// <summary>A fault reported by <see cref="GateFault"/> is over.</summary>
/// <param name="Gate">The gate's name.</param>
/// <param name="Kind">What was wrong.</param>
/// <param name="Detail">What changed.</param>
/// <param name="At">When it recovered.</param>
public sealed record GateFaultCleared(string Gate, GateFaultKind Kind, string Detail, DateTimeOffset At) : GateEvent(Gate, At);
