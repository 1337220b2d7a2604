using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kiosk.Ils;

/// <summary>
/// Keeps the ILS link healthy in the background: SC Status on idle connections every heartbeat interval, and reconnects
/// with backoff after an outage, so the kiosk learns the ILS is back before a patron needs it.
/// </summary>
internal sealed class Sip2ClientMaintenanceService(Sip2Client client, IOptions<Sip2ClientOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Tick often enough to reconnect as soon as the shortest backoff ends; each pass only does what is due.
        var value = options.Value;
        var period = TimeSpan.FromTicks(Math.Clamp(value.ReconnectMinDelay.Ticks, TimeSpan.FromMilliseconds(100).Ticks, value.HeartbeatInterval.Ticks));
        using var timer = new PeriodicTimer(period, time);
        do
        {
            await client.MaintainAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
