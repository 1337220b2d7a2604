namespace Kiosk.Events.Model;

/// <summary>People through a gate in a period.</summary>
/// <param name="GateId">The gate.</param>
/// <param name="PeriodStart">Start of the period.</param>
/// <param name="PeriodEnd">End of the period.</param>
/// <param name="In">Passages in.</param>
/// <param name="Out">Passages out.</param>
/// <param name="Alarms">Alarms in the period.</param>
public sealed record GatePassageCountsData(
    string GateId,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    int In,
    int Out,
    int Alarms) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.GatePassageCounts;

    /// <inheritdoc/>
    public override EventClass EventClass => EventClass.Status;
}
