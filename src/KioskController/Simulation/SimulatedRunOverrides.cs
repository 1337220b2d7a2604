using Kiosk.Storage;
using Microsoft.Extensions.Options;

namespace KioskController.Simulation;

/// <summary>
/// Says, at start, which of a site's settings the simulated run replaces and why, one line per key: a technician who
/// set a database path or a reader folder and left the simulators on should not wonder why the kiosk ignores them.
/// </summary>
internal sealed partial class SimulatedRunOverrides(
    IConfiguration configuration,
    IOptions<SimulatorOptions> simulators,
    IOptions<StorageOptions> storage,
    SimulatorSwitches switches,
    ILogger<SimulatedRunOverrides> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var ils = simulators.Value;
        var replaced = new (bool Simulated, string Key, string? SameAs, string Reason)[]
        {
            (switches.Ils, "Kiosk:Sip2:Host", "127.0.0.1", "the kiosk talks to the embedded ILS on 127.0.0.1"),
            (switches.Ils, "Kiosk:Sip2:Port", ils.IlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "the kiosk talks to the embedded ILS on its port, Kiosk:Simulators:IlsPort"),
            (switches.Ils, "Kiosk:Sip2:UseTls", bool.FalseString, "the embedded ILS speaks plain TCP on loopback"),
            (switches.Ils, "Kiosk:Sip2:UserId", null, "the embedded ILS has a login of its own"),
            (switches.Ils, "Kiosk:Sip2:Password", null, "the embedded ILS has a login of its own"),
            (switches.Ils, "Kiosk:Sip2:Charset", ils.IlsCharset, "the kiosk speaks the embedded ILS's charset, Kiosk:Simulators:IlsCharset"),
            (switches.Pad, "Kiosk:Rfid:ProfileDirectory", null, "the pad is the embedded reader simulator, with a profile of its own"),
            (switches.Printer, ConfigurationErrorReport.PrinterProfileKey, null, "receipts go to the embedded printer simulator"),
            (switches.Scanner, "Kiosk:Scanner:Port", null, "the scanner is the embedded scanner simulator, on a pseudo-terminal"),
            (switches.Gate, "Kiosk:Gate:PinMap", null, "the exit gate is the embedded gate simulator"),
            (switches.Gate, "Kiosk:Gate:ReaderProfile", null, "the exit gate is the embedded gate simulator"),
            (switches.Gate, "Kiosk:Gate:CountFile", null, "the exit gate is the embedded gate simulator"),
            (switches.Ils, "Kiosk:Storage:DatabasePath", null,
                $"the simulated library starts afresh each run, so the journal and off-line store are in {storage.Value.DatabasePath}"),
        };
        foreach (var (simulated, key, sameAs, reason) in replaced)
        {
            var value = configuration[key];
            if (simulated && !string.IsNullOrEmpty(value) && !string.Equals(value, sameAs, StringComparison.OrdinalIgnoreCase))
            {
                Overridden(logger, key, reason);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Warning, "{Key} is overridden in the simulated run: {Reason}. Turn that simulator off (Kiosk:Simulators:Ils, Pad, Scanner, Printer or Gate=false) to use it")]
    private static partial void Overridden(ILogger logger, string key, string reason);
}
