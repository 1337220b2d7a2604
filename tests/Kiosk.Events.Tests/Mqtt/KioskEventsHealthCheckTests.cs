using Kiosk.Events.Envelope;
using Kiosk.Events.Model;
using Kiosk.Events.Mqtt;
using Kiosk.Events.Options;
using Kiosk.Events.Outbox;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Events.Tests.Mqtt;

public sealed class KioskEventsHealthCheckTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kiosk-health-");

    [Fact]
    public async Task Health_follows_the_broker_link_and_the_outbox_fill()
    {
        using var outbox = new SqliteEventOutbox(
            new OutboxOptions { Path = Path.Combine(_directory.FullName, "outbox.db"), Capacity = 100, Durability = OutboxDurability.Normal },
            new CloudEventEncoder(new Uri("/k", UriKind.Relative)), new PatronDataGuard(), TimeProvider.System, NullLogger<SqliteEventOutbox>.Instance);
        var status = new KioskEventsStatus(outbox, "broker:8883");
        var check = new KioskEventsHealthCheck(status);

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        status.SetDisconnected("MQTT broker broker:8883 refused the connection", TimeSpan.FromSeconds(1));
        var disconnected = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, disconnected.Status);
        Assert.Contains("refused the connection", disconnected.Description, StringComparison.Ordinal);

        status.SetConnected();
        for (var number = 0; outbox.Status.State == OutboxState.Healthy; number++)
        {
            await outbox.AppendAsync(new ItemReturnedData(null, $"TV{number:D4}", null, null));
        }

        Assert.Equal(HealthStatus.Degraded, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        try
        {
            for (var number = 1000; ; number++)
            {
                await outbox.AppendAsync(new ItemReturnedData(null, $"TV{number:D4}", null, null));
            }
        }
        catch (OutboxFullException)
        {
        }

        var full = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, full.Status);
        Assert.Contains("transactions are refused", full.Description, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(true);
}
