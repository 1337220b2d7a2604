using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Sessions;
using KioskController.Live;

namespace KioskController.Circulation;

/// <summary>
/// Pushes the session's snapshot to the screens after every circulation event. The kiosk is resolved on first use,
/// because the kiosk itself takes the event sinks when it is built.
/// </summary>
internal sealed class LiveSessionSink(LiveUpdates live, IServiceProvider services) : ICirculationEventSink
{
    private ICirculationKiosk? _kiosk;

    public void Publish(CirculationEvent circulationEvent)
    {
        _kiosk ??= services.GetRequiredService<ICirculationKiosk>();
        live.Publish("session", _kiosk.Snapshot);
    }
}
