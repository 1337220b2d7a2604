using System.Net.Http.Json;
using System.Text.Json;

namespace KioskController.Tests;

/// <summary>/api/status reports the SIP2 pool, and a pool shrunk by an ILS that allows one session per login.</summary>
public sealed class IlsPoolStatusTests
{
    [Fact]
    public async Task An_ILS_that_serves_one_session_per_login_shrinks_the_pool_in_api_status_and_the_kiosk_stays_online()
    {
        // The default pool (ten, two kept open) against an embedded ILS that leaves the second login unanswered.
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:Simulators:IlsOneSessionPerLogin=true", "--Kiosk:Sip2:RequestTimeout=00:00:01");

        var status = await kiosk.WaitForStatusAsync(s => Pool(s).GetProperty("effective").GetInt32() == 1);

        var ils = status.GetProperty("ils");
        Assert.Equal("online", ils.GetProperty("status").GetString());
        Assert.Equal(10, Pool(status).GetProperty("configured").GetInt32());
        Assert.Equal(1, Pool(status).GetProperty("open").GetInt32());
        Assert.Contains("Kiosk:Sip2:PoolSize and Kiosk:Sip2:KeepOpen to 1", Pool(status).GetProperty("reason").GetString(), StringComparison.Ordinal);
        using var session = JsonDocument.Parse(await kiosk.Http.GetStringAsync(new Uri("/api/session", UriKind.Relative)));
        Assert.True(session.RootElement.GetProperty("ilsReachable").GetBoolean());
    }

    [Fact]
    public async Task A_pool_at_its_configured_size_reports_no_reason()
    {
        await using var kiosk = await KioskHost.StartAsync();

        var status = await kiosk.WaitForStatusAsync(s => s.GetProperty("ils").GetProperty("status").GetString() == "online");

        Assert.Equal(10, Pool(status).GetProperty("effective").GetInt32());
        Assert.Equal(JsonValueKind.Null, Pool(status).GetProperty("reason").ValueKind);
        Assert.Equal("the ACS is on-line", status.GetProperty("ils").GetProperty("reason").GetString());
    }

    private static JsonElement Pool(JsonElement status) => status.GetProperty("ils").GetProperty("pool");
}
