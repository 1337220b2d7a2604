namespace Kiosk.Events.Model;

/// <summary>The event outbox crossed its warning level, filled up, or drained again.</summary>
/// <param name="State">The new state.</param>
/// <param name="Count">Events waiting.</param>
/// <param name="Capacity">The bound.</param>
public sealed record OutboxStateChangedData(
    Outbox.OutboxState State,
    int Count,
    int Capacity) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.OutboxStateChanged;
}
