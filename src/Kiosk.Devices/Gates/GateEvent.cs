namespace Kiosk.Devices.Gates;

/// <summary>
/// Something that happened at an exit gate. Subscribe through <see cref="GateEventHub.Subscribe"/>; an MQTT adapter
/// publishes these records as they are. None carries a patron identifier: the gate never knows who walked through.
/// </summary>
/// <param name="Gate">The gate's name from its pin map.</param>
/// <param name="At">When it happened, on the gate's <see cref="TimeProvider"/>.</param>
public abstract record GateEvent(string Gate, DateTimeOffset At);
