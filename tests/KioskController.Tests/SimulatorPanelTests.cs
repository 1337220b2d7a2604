using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KioskController.Scanning;
using KioskController.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KioskController.Tests;

/// <summary>The simulator control panel (/sim) and the live stream (/api/stream), on the real host.</summary>
public sealed class SimulatorPanelTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_book_put_on_the_pad_through_the_panel_is_pushed_to_the_screen_over_the_live_stream()
    {
        await using var kiosk = await KioskHost.StartAsync();
        using var timeout = new CancellationTokenSource(Patience);
        using var stream = await kiosk.Http.GetStreamAsync(new Uri("/api/stream", UriKind.Relative), timeout.Token);
        using var events = new StreamReader(stream);

        var placed = await kiosk.Http.PostAsJsonAsync(new Uri("/sim/api/pad", UriKind.Relative), new { action = "place", item = "TV0001" }, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        var eventName = string.Empty;
        while (true)
        {
            var line = await events.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The stream ended.");
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
                continue;
            }

            // The stream also carries the circulation session's snapshots ("session"); this test follows the status.
            if (eventName != "status" || !line.StartsWith("data: ", StringComparison.Ordinal))
            {
                continue;
            }

            using var status = JsonDocument.Parse(line["data: ".Length..]);
            var tags = status.RootElement.GetProperty("readers")[0].GetProperty("tags");
            if (tags.GetArrayLength() == 1 && tags[0].GetProperty("itemId").GetString() == "TV0001")
            {
                break;
            }
        }
    }

    [Fact]
    public async Task A_book_keeps_its_tag_between_pad_visits_so_its_security_survives_being_lifted()
    {
        await using var kiosk = await KioskHost.StartAsync();
        var shelf = kiosk.Services.GetRequiredService<SimulatedShelf>();

        var first = await kiosk.Http.PostAsJsonAsync(new Uri("/sim/api/pad", UriKind.Relative), new { action = "place", item = "TV0007", part = 2 });
        (await shelf.TagForAsync("TV0007", 2)).SetAfi(0xC2);
        await kiosk.Http.PostAsJsonAsync(new Uri("/sim/api/pad", UriKind.Relative), new { action = "remove", item = "TV0007", part = 2 });
        var again = await kiosk.Http.PostAsJsonAsync(new Uri("/sim/api/pad", UriKind.Relative), new { action = "place", item = "TV0007", part = 2 });
        using var catalogue = JsonDocument.Parse(await kiosk.Http.GetStringAsync(new Uri("/sim/api/catalogue", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((byte)0xC2, shelf.AfiOf("TV0007", 2));
        var set = catalogue.RootElement.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("id").GetString() == "TV0007");
        Assert.Equal(2, set.GetProperty("parts").GetInt32());
        Assert.Equal([2], set.GetProperty("onPad").EnumerateArray().Select(part => part.GetInt32()));
        Assert.False(set.GetProperty("secured")[1].GetBoolean());
    }

    [Fact]
    public async Task An_unknown_book_or_part_is_refused_with_the_reason()
    {
        await using var kiosk = await KioskHost.StartAsync();

        var unknown = await kiosk.Http.PostAsJsonAsync(new Uri("/sim/api/pad", UriKind.Relative), new { action = "place", item = "XX9999" });
        var badPart = await kiosk.Http.PostAsJsonAsync(new Uri("/sim/api/pad", UriKind.Relative), new { action = "place", item = "TV0001", part = 3 });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("XX9999", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badPart.StatusCode);
        Assert.Contains("part 3", await badPart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_scanned_through_the_panel_travels_the_scanner_pty_to_the_kiosk()
    {
        await using var kiosk = await KioskHost.StartAsync();
        var feed = kiosk.Services.GetRequiredService<ScanFeed>();
        var scanned = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        feed.Scanned += (_, code) => scanned.TrySetResult(code);

        // The driver opens the pty link when the host starts; a scan before that would be lost like a real one.
        await WaitUntilAsync(() => kiosk.Services.GetRequiredService<ScannerService>().LinkState == Kiosk.Devices.Transports.SerialLinkState.Connected);
        var response = await kiosk.Http.PostAsync(new Uri("/sim/api/scanner", UriKind.Relative), new StringContent("BD0001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("BD0001", await scanned.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task Cutting_the_ILS_from_the_panel_stops_it_listening_and_restoring_brings_it_back_on_the_same_port()
    {
        await using var kiosk = await KioskHost.StartAsync();
        var ils = kiosk.Services.GetRequiredService<EmbeddedIlsService>();
        var port = ils.Simulator!.Port;

        await kiosk.Http.PostAsync(new Uri("/sim/api/ils", UriKind.Relative), new StringContent("cut"));
        var refused = await Record.ExceptionAsync(async () =>
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
        });
        await kiosk.Http.PostAsync(new Uri("/sim/api/ils", UriKind.Relative), new StringContent("restore"));
        using var again = new System.Net.Sockets.TcpClient();
        await again.ConnectAsync(IPAddress.Loopback, port);

        Assert.IsType<System.Net.Sockets.SocketException>(refused);
        Assert.True(again.Connected);
        Assert.False(ils.IsCut);
    }

    [Fact]
    public async Task The_panel_page_places_a_book_and_shows_it_on_the_pad()
    {
        await using var kiosk = await KioskHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(Browser.Patience);

        await page.GotoAsync(new Uri(kiosk.Address, "/sim").ToString());
        var row = page.Locator("#books tr[data-item='TV0002']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Place" }).ClickAsync(new() { Timeout = Browser.Patience });

        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Lift" })).ToBeVisibleAsync(new() { Timeout = Browser.Patience });
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("secured");
        Assert.True(kiosk.Services.GetRequiredService<SimulatedShelf>().IsOnPad("TV0002"));
    }

    [Fact]
    public async Task A_walker_carrying_a_secured_book_sets_off_the_gate_and_staff_see_its_title_while_a_lent_book_stays_silent()
    {
        await using var kiosk = await KioskHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(Browser.Patience);
        var gate = kiosk.Services.GetRequiredService<EmbeddedGateSetup>();
        var ils = kiosk.Services.GetRequiredService<EmbeddedIlsService>().Simulator!;
        await page.GotoAsync(new Uri(kiosk.Address, "/sim").ToString());

        // Số đỏ (TV0003) is on loan in the sample data, so its tag is not secured: the gate stays dark.
        await page.Locator("#gate-item").SelectOptionAsync("TV0003", new() { Timeout = Browser.Patience });
        await page.GetByRole(AriaRole.Button, new() { Name = "Walk out" }).ClickAsync();
        await Assertions.Expect(page.Locator("#gate-out")).ToHaveTextAsync("1", new() { Timeout = Browser.Patience });
        Assert.Equal(0, await page.Locator("#gate-alarms li").CountAsync());
        Assert.Equal(System.Device.Gpio.PinValue.High, gate.Driver.LevelOf(17));

        // Truyện Kiều (TV0001) was never lent: the light goes on and the alarm names the book. A walk plays in real time,
        // and with a CPU hog beside the tests a walk at 1.4 m/s can leave the field before a starved gate has read its tag:
        // then the same book is walked out again through the panel's API, slower each time, as a patron who dawdles.
        await page.Locator("#gate-item").SelectOptionAsync("TV0001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Walk out" }).ClickAsync();
        var named = page.Locator("#gate-alarms li").Filter(new() { HasText = "Truyện Kiều" });
        foreach (var speed in new[] { 0.8, 0.5, 0.3 })
        {
            try
            {
                await Assertions.Expect(named.First).ToBeVisibleAsync(new() { Timeout = 15_000 });
                break;
            }
            catch (PlaywrightException)
            {
                (await kiosk.Http.PostAsJsonAsync(new Uri("/sim/api/gate", UriKind.Relative), new { scenario = "one", item = "TV0001", direction = "out", speed })).EnsureSuccessStatusCode();
            }
        }

        await Assertions.Expect(named.First).ToBeVisibleAsync(new() { Timeout = Browser.Patience });
        Assert.Contains(gate.Driver.OutputChanges, change => change.Pin == 17 && change.Value == System.Device.Gpio.PinValue.Low);
        Assert.Equal("Truyện Kiều", ils.Library.FindItem("TV0001")!.Title);
    }

    [Fact]
    public async Task Without_simulators_there_is_no_panel()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:Simulators:Enabled=false", "--Kiosk:Sip2:Port=1");

        var page = await kiosk.Http.GetAsync(new Uri("/sim/", UriKind.Relative));
        var api = await kiosk.Http.GetAsync(new Uri("/sim/api/catalogue", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }
}
