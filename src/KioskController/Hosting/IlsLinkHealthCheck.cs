using Kiosk.Ils;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KioskController.Hosting;

/// <summary>Ready when the ILS link is on-line; degraded (the kiosk can still take returns off-line) when it is not.</summary>
internal sealed class IlsLinkHealthCheck(ISip2Client client) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(client.Status switch
        {
            Sip2LinkStatus.Online => HealthCheckResult.Healthy("The ILS link is on-line."),
            Sip2LinkStatus.Unknown => HealthCheckResult.Degraded("The ILS link has not connected yet."),
            _ => HealthCheckResult.Degraded("The ILS is unreachable or off-line; the kiosk works off-line."),
        });
}
