using Kiosk.Ils;
using KioskController.Simulation;
using Microsoft.Extensions.Options;

namespace KioskController.Api.Status;

/// <summary>Builds the status snapshot that <c>/api/status</c> returns and the live stream pushes.</summary>
internal sealed class KioskStatusProvider(
    IOptions<KioskOptions> kiosk,
    IOptions<Sip2ClientOptions> sip2,
    Simulation.SimulatorSwitches simulators,
    Sip2Client client,
    Commands.MaintenanceMode maintenance,
    IServiceProvider services)
{
    public KioskStatus Current()
    {
        var acs = client.AcsStatus;
        var pool = client.Pool;
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
            System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(client.ReportedStatus.ToString()))
        {
            Reason = client.StatusReason,
            Pool = new IlsPoolStatus(pool.Configured, pool.Effective, pool.Open, pool.Reason),
            FeePaidSupported = acs?.Status.SupportedMessages.HasFlag(Kiosk.Protocols.Sip2.Sip2SupportedMessages.FeePaid),
        };
        var readers = services.GetService<Bridges.PadBridge>()?.Snapshot() ?? [];
        var printer = services.GetService<Bridges.PrinterMonitor>() is { } monitor
            ? new PrinterSnapshot(
                monitor.Description, monitor.Status.CanPrint, monitor.Status.PaperEnd, monitor.Status.PaperNearEnd, monitor.Status.CoverOpen, monitor.Status.Offline, monitor.Status.Detail)
            : null;
        var scanner = services.GetService<Scanning.ScannerService>()?.Snapshot();
        return new KioskStatus(kiosk.Value.DeviceId, kiosk.Value.LibraryName, kiosk.Value.DefaultLanguage, ils, simulators.Any, readers, printer, maintenance.On, scanner)
        {
            TimeZone = kiosk.Value.TimeZone,
            Sounds = kiosk.Value.Ui.Sounds,
            ScreenTimeout = (int)kiosk.Value.Ui.ScreenTimeout.TotalSeconds,
        };
    }
}
