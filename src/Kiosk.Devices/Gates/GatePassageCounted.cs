namespace Kiosk.Devices.Gates;

/// <summary>A person went through the gate; the totals include them and survive restarts.</summary>
/// <param name="Gate">The gate's name.</param>
/// <param name="Direction">In or out.</param>
/// <param name="TotalIn">People counted in since the count file was created.</param>
/// <param name="TotalOut">People counted out since the count file was created.</param>
/// <param name="At">When the second beam cleared.</param>
public sealed record GatePassageCounted(string Gate, GateDirection Direction, long TotalIn, long TotalOut, DateTimeOffset At) : GateEvent(Gate, At);
