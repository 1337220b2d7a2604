namespace Kiosk.Devices.Gates;

/// <summary>Something is wrong with the gate; <see cref="GateFaultCleared"/> follows when it recovers.</summary>
/// <param name="Gate">The gate's name.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Detail">What a technician should look at, naming the beam and its pin or the reader.</param>
/// <param name="At">When it was noticed.</param>
public sealed record GateFault(string Gate, GateFaultKind Kind, string Detail, DateTimeOffset At) : GateEvent(Gate, At);
