using Kiosk.Events.Model;

namespace Kiosk.Events.Outbox;

/// <summary>
/// The durable queue of events to the central system. <see cref="AppendAsync"/> returns once the event is committed to
/// disk, so the caller reports its action done only after that; the publisher sends it at QoS 1 and deletes it on PUBACK.
/// </summary>
public interface IEventOutbox
{
    /// <summary>Commits one event and returns where it stands in the device's order.</summary>
    /// <exception cref="OutboxFullException">A transaction arrived while the outbox holds only transactions at its
    /// bound: refuse the action that caused it (the kiosk shows itself out of order) rather than lose the record.</exception>
    /// <exception cref="Envelope.PatronDataLeakException">The event carried patron data; it was not stored.</exception>
    ValueTask<OutboxReceipt> AppendAsync(KioskEventData data, CancellationToken cancellationToken = default);

    /// <summary>How full the outbox is, for status pages and health checks.</summary>
    OutboxStatus Status { get; }
}
