using System.Device.Gpio;

namespace Kiosk.Simulators.Gates;

/// <summary>One change of an output line, as the simulated GPIO driver recorded it.</summary>
/// <param name="Pin">The line.</param>
/// <param name="Value">The new level.</param>
/// <param name="At">When, on the driver's <see cref="TimeProvider"/>.</param>
/// <param name="Timestamp">The same moment as a <see cref="TimeProvider.GetTimestamp"/> value, for latency measurements.</param>
public sealed record GpioOutputChange(int Pin, PinValue Value, DateTimeOffset At, long Timestamp);
