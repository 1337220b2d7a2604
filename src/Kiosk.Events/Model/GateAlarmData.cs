namespace Kiosk.Events.Model;

/// <summary>An exit gate alarmed.</summary>
/// <param name="GateId">The gate.</param>
/// <param name="AlarmId">Links the alarm to its enrichment.</param>
/// <param name="ItemId">The item the gate read, when it reads ids.</param>
/// <param name="Direction">in, out or unknown: the direction of the walker's passage.</param>
/// <param name="Antenna">The gate antenna that saw the tag.</param>
public sealed record GateAlarmData(
    string GateId,
    string AlarmId,
    string? ItemId,
    string Direction,
    int? Antenna = null) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.GateAlarm;
}
