namespace Kiosk.Events.Model;

/// <summary>An exit gate alarmed.</summary>
/// <param name="GateId">The gate.</param>
/// <param name="AlarmId">Links the alarm to its enrichment.</param>
/// <param name="ItemId">The item the gate read, when it reads ids.</param>
/// <param name="Direction">in, out or unknown.</param>
public sealed record GateAlarm(
    string GateId,
    string AlarmId,
    string? ItemId,
    string Direction) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.GateAlarm;
}
