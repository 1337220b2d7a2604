using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace KioskController.Api.Status;

/// <summary>Health and status endpoints for the UI, the technician and the supervisor (systemd, a load balancer).</summary>
internal static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapKioskStatus(this IEndpointRouteBuilder endpoints)
    {
        // Liveness: the process answers. Readiness: the ILS link, reported as degraded rather than failed when off-line.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready");
        endpoints.MapGet("/health", () => Results.Ok(new { status = "ok" }));

        // The same readiness report under the name most supervisors probe (/healthz).
        endpoints.MapHealthChecks("/healthz");

        endpoints.MapGet("/api/status", (KioskStatusProvider status) => Results.Ok(status.Current()));
        return endpoints;
    }
}
