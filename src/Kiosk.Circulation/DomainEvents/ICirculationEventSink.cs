namespace Kiosk.Circulation.DomainEvents;

/// <summary>
/// Receives every <see cref="CirculationEvent"/> as it happens. Register any number (the UI's live feed, the MQTT outbox);
/// each is called in turn on the thread that raised the event, so an implementation must return quickly and never throw.
/// </summary>
public interface ICirculationEventSink
{
    /// <summary>Takes one event.</summary>
    void Publish(CirculationEvent circulationEvent);
}
