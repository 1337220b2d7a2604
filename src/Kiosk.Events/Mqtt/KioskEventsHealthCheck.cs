using Kiosk.Events.Outbox;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kiosk.Events.Mqtt;

/// <summary>
/// Degraded while the broker is unreachable or the outbox is filling; unhealthy when the outbox is full, because the
/// kiosk then refuses transactions. A broker outage alone is not unhealthy: the outbox holds the events.
/// </summary>
public sealed class KioskEventsHealthCheck(KioskEventsStatus status) : IHealthCheck
{
    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var outbox = status.Outbox;
        var data = new Dictionary<string, object>
        {
            ["broker"] = status.Endpoint,
            ["link"] = status.State.ToString(),
            ["outboxCount"] = outbox.Count,
            ["outboxCapacity"] = outbox.Capacity,
        };
        var result = outbox.State switch
        {
            OutboxState.Full => HealthCheckResult.Unhealthy($"Event outbox full ({outbox.Count}/{outbox.Capacity}): transactions are refused until the broker takes the backlog.", data: data),
            OutboxState.Filling => HealthCheckResult.Degraded($"Event outbox filling ({outbox.Count}/{outbox.Capacity}).", data: data),
            _ when status.State == BrokerLinkState.Disconnected => HealthCheckResult.Degraded($"MQTT broker {status.Endpoint} unreachable: {status.LastError}; events wait in the outbox.", data: data),
            _ => HealthCheckResult.Healthy($"MQTT {status.State.ToString().ToLowerInvariant()}, {outbox.Count} events waiting.", data),
        };
        return Task.FromResult(result);
    }
}
