using Kiosk.Circulation.DomainEvents;

namespace KioskController.Bridges;

/// <summary>
/// Tells open staff screens, over <c>/api/stream</c>, that the staff list changed: an entry was added (a switch that
/// failed after its retries, a recovery that could not settle, a conflict on replay) or dealt with. The event carries
/// only what changed, never the list: the patron's screen listens on the same stream, and the staff screen reads the
/// list itself.
/// </summary>
internal sealed class StaffLiveSink(LiveUpdates live) : ICirculationEventSink
{
    /// <summary>The SSE event name.</summary>
    public const string EventName = "staff";

    public ValueTask PublishAsync(CirculationEvent circulationEvent, CancellationToken cancellationToken = default)
    {
        var change = circulationEvent switch
        {
            SecurityNeedsStaff or SecurityRecovered { NeedsStaff: true } or OfflineTransactionConflict => "added",
            SecurityEntryResolved or OfflineConflictResolved => "resolved",
            _ => null,
        };
        if (change is not null)
        {
            live.Publish(EventName, new { change });
        }

        return ValueTask.CompletedTask;
    }
}
