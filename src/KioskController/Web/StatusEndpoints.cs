using Kiosk.Circulation.Sip2;
using KioskController.Simulation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KioskController.Web;

/// <summary>Health and status endpoints for the UI, the technician and the supervisor (systemd, a load balancer).</summary>
internal static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapKioskStatus(this IEndpointRouteBuilder endpoints)
    {
        // Liveness: the process answers. Readiness: the ILS link, reported as degraded rather than failed when off-line.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready");
        endpoints.MapGet("/health", () => Results.Ok(new { status = "ok" }));

        endpoints.MapGet("/api/status", (
            IOptions<KioskOptions> kiosk,
            IOptions<Sip2ClientOptions> sip2,
            IOptions<SimulatorOptions> simulators,
            Sip2Client client,
            IServiceProvider services) =>
        {
            var acs = client.AcsStatus;
            var ils = new IlsLinkStatus(
                client.Status.ToString().ToLowerInvariant(),
                $"{sip2.Value.Host}:{sip2.Value.Port}",
                client.Profile.Name,
                acs?.Status.InstitutionId,
                acs?.Status.LibraryName,
                acs?.Status.CheckoutOk,
                acs?.Status.CheckinOk,
                acs?.Status.AcsRenewalPolicy,
                acs?.ReceivedAt,
                System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(client.ReportedStatus.ToString()));
            var readers = services.GetService<Pad.PadMonitor>()?.Snapshot() ?? [];
            var printer = services.GetService<Pad.PrinterMonitor>() is { } monitor
                ? new PrinterSnapshot(
                    monitor.Description, monitor.Status.CanPrint, monitor.Status.PaperEnd, monitor.Status.PaperNearEnd, monitor.Status.CoverOpen, monitor.Status.Offline, monitor.Status.Detail)
                : null;
            return Results.Ok(new KioskStatus(kiosk.Value.DeviceId, kiosk.Value.LibraryName, kiosk.Value.DefaultLanguage, ils, simulators.Value.Enabled, readers, printer));
        });
        return endpoints;
    }
}
