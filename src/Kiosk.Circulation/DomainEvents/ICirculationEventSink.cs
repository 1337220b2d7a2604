namespace Kiosk.Circulation.DomainEvents;

/// <summary>
/// Receives every <see cref="CirculationEvent"/> as it happens. Register any number (the UI's live feed, the MQTT outbox).
/// The step that raised the event waits for every sink, so a sink that records the event durably (the outbox) has it on
/// disk before the patron is told. Sinks are called from several threads at once during a parallel checkout: an
/// implementation must be thread-safe and should not throw.
/// </summary>
public interface ICirculationEventSink
{
    /// <summary>Takes one event.</summary>
    ValueTask PublishAsync(CirculationEvent circulationEvent, CancellationToken cancellationToken = default);
}
