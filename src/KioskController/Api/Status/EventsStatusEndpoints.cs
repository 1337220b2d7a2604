using Kiosk.Events.Broker;
using Kiosk.Events.Mqtt;

namespace KioskController.Api.Status;

/// <summary><c>GET /api/status/events</c>: the MQTT link, the outbox and the embedded broker, for the technician.</summary>
internal static class EventsStatusEndpoints
{
    public static IEndpointRouteBuilder MapKioskEventsStatus(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/status/events", (KioskEventsStatus events, IServiceProvider services) =>
        {
            var broker = services.GetService<EmbeddedBroker>();
            // The outbox before the published count: an event is counted published before it leaves the outbox, so read
            // in this order the two never miss an event that moves between them during the request.
            var outbox = events.Outbox;
            var published = events.Published;
            return Results.Ok(new EventsStatus(
                System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(events.State.ToString()),
                events.Endpoint,
                events.LastError,
                published,
                outbox.Count,
                outbox.Capacity,
                System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(outbox.State.ToString()),
                broker is null ? null : new EmbeddedBrokerStatus(broker.IsRunning, broker.Port),
                events.InFlight,
                events.State == BrokerLinkState.Connected ? null : events.RetryDelay.TotalSeconds,
                events.FailedAttempts));
        });
        return endpoints;
    }
}
