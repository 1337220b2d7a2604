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
            return Results.Ok(new EventsStatus(
                System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(events.State.ToString()),
                events.Endpoint,
                events.LastError,
                events.Published,
                events.Outbox.Count,
                events.Outbox.Capacity,
                System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(events.Outbox.State.ToString()),
                broker is null ? null : new EmbeddedBrokerStatus(broker.IsRunning, broker.Port)));
        });
        return endpoints;
    }
}
