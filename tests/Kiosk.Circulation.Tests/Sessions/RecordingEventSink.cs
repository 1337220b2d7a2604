using System.Collections.Concurrent;
using Kiosk.Circulation.DomainEvents;

namespace Kiosk.Circulation.Tests.Sessions;

/// <summary>Keeps every circulation event, so tests can wait for one and prove what events never carry.</summary>
internal sealed class RecordingEventSink : ICirculationEventSink
{
    private readonly ConcurrentQueue<CirculationEvent> _events = new();

    public IReadOnlyCollection<CirculationEvent> Events => _events;

    public ValueTask PublishAsync(CirculationEvent circulationEvent, CancellationToken cancellationToken = default)
    {
        _events.Enqueue(circulationEvent);
        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<T> OfType<T>() => [.. _events.OfType<T>()];
}
