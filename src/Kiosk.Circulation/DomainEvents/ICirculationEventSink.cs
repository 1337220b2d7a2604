namespace Kiosk.Circulation.DomainEvents;

/// <summary>
/// Receives every <see cref="CirculationEvent"/> as it happens. Register any number (the UI's live feed, the MQTT outbox);
/// each is called in turn on the thread that raised the event, and during a parallel checkout from several threads
/// at once, so an implementation must be thread-safe, return quickly and never throw.
/// </summary>
public interface ICirculationEventSink
{
    /// <summary>Takes one event.</summary>
    void Publish(CirculationEvent circulationEvent);
}
