using Kiosk.Circulation.DomainEvents;

namespace KioskController.Bridges;

/// <summary>
/// Circulation → screens: pushes the session's snapshot after every circulation event. The view is resolved on first
/// use, because the circulation's owners take the event sinks when they are built.
/// </summary>
internal sealed class LiveSessionSink(LiveUpdates live, IServiceProvider services) : ICirculationEventSink
{
    private KioskView? _view;

    public ValueTask PublishAsync(CirculationEvent circulationEvent, CancellationToken cancellationToken = default)
    {
        _view ??= services.GetRequiredService<KioskView>();
        live.Publish("session", _view.Snapshot);
        return ValueTask.CompletedTask;
    }
}
