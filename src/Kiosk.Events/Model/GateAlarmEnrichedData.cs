namespace Kiosk.Events.Model;

/// <summary>What the ILS says about the item that set off a gate alarm.</summary>
/// <param name="GateId">The gate.</param>
/// <param name="AlarmId">The alarm this enriches.</param>
/// <param name="ItemId">The item.</param>
/// <param name="Title">Its title.</param>
/// <param name="OnLoan">Whether the ILS holds it on loan.</param>
public sealed record GateAlarmEnrichedData(
    string GateId,
    string AlarmId,
    string ItemId,
    string? Title,
    bool? OnLoan) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.GateAlarmEnriched;
}
