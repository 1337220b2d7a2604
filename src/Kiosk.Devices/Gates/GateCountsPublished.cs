namespace Kiosk.Devices.Gates;

/// <summary>The gate's people counts, published every <see cref="GateOptions.CountPublishPeriod"/> whether or not they changed.</summary>
/// <param name="Gate">The gate's name.</param>
/// <param name="TotalIn">People counted in.</param>
/// <param name="TotalOut">People counted out.</param>
/// <param name="At">When they were published.</param>
public sealed record GateCountsPublished(string Gate, long TotalIn, long TotalOut, DateTimeOffset At) : GateEvent(Gate, At);
