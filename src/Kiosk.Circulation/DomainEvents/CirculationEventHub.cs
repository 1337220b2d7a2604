using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.DomainEvents;

/// <summary>Hands each event to every registered sink; a sink that throws is logged and skipped, never allowed to stop a loan.</summary>
internal sealed partial class CirculationEventHub(IEnumerable<ICirculationEventSink> sinks, ILogger<CirculationEventHub> logger)
{
    private readonly ICirculationEventSink[] _sinks = [.. sinks];

    public async ValueTask PublishAsync(CirculationEvent circulationEvent, CancellationToken cancellationToken = default)
    {
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.PublishAsync(circulationEvent, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A sink's failure must never undo or stop a circulation step already taken.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                SinkFailed(logger, sink.GetType().Name, circulationEvent.GetType().Name, ex.Message);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Event sink {Sink} failed on {Event}: {Reason}")]
    private static partial void SinkFailed(ILogger logger, string sink, string @event, string reason);
}
