using System.Net;
using System.Text.Json;

namespace KioskController.Tests;

public sealed class KioskHostTests
{
    [Fact]
    public async Task The_default_run_reaches_its_embedded_ILS_and_reports_it_online()
    {
        await using var kiosk = await KioskHost.StartAsync();

        var status = await WaitForAsync(kiosk, s => s.GetProperty("ils").GetProperty("status").GetString() == "online");

        Assert.True(status.GetProperty("simulated").GetBoolean());
        Assert.Equal("VN-HN-TVHN", status.GetProperty("ils").GetProperty("institutionId").GetString());
        Assert.Equal("Healthy", await kiosk.Http.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
    }

    [Fact]
    public async Task With_the_ILS_unreachable_the_kiosk_stays_up_and_reports_it_offline()
    {
        await using var kiosk = await KioskHost.StartAsync(
            "--Kiosk:Simulators:Enabled=false", "--Kiosk:Sip2:Port=1", "--Kiosk:Sip2:ReconnectMinDelay=00:00:00.200");

        var status = await WaitForAsync(kiosk, s => s.GetProperty("ils").GetProperty("status").GetString() == "offline");
        var ready = await kiosk.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.False(status.GetProperty("simulated").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_setting_stops_the_host_with_the_key_named()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => KioskHost.StartAsync("--Kiosk:DeviceId=Kiosk 01!"));

        Assert.Contains("Kiosk:DeviceId", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> WaitForAsync(KioskHost kiosk, Func<JsonElement, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            using var document = JsonDocument.Parse(await kiosk.Http.GetStringAsync(new Uri("/api/status", UriKind.Relative), timeout.Token));
            var status = document.RootElement.Clone();
            if (condition(status))
            {
                return status;
            }

            // Poll the same endpoint the page polls; the token bounds the wait.
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }
}
