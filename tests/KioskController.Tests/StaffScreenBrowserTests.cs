using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kiosk.Simulators.Ils;
using KioskController.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KioskController.Tests;

/// <summary>
/// The staff screen at /staff in the real Chromium, against the default run: a tag that will not switch (the reader
/// simulator's fault injection) and an off-line loan the ILS refuses on replay both reach the Vietnamese list as they
/// happen, and "Đã xử lý" takes each away for good.
/// </summary>
public sealed class StaffScreenBrowserTests
{
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = Browser.Patience };

    [Fact]
    public async Task Staff_see_a_stuck_tag_and_an_offline_conflict_in_Vietnamese_and_clear_each_for_good()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:Circulation:OfflineProbeInterval=00:00:01");
        var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1024 } });
        page.SetDefaultTimeout(Browser.Patience);
        await page.GotoAsync(new Uri(kiosk.Address, "/staff").ToString());

        // The code first; a wrong one is refused in words, and nothing of the list shows.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Việc cần thủ thư xử lý", new() { Timeout = Browser.Patience });
        await page.GetByLabel("Mã nhân viên").FillAsync("1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở danh sách" }).ClickAsync();
        await Assertions.Expect(page.Locator("#access-error")).ToHaveTextAsync("Mã nhân viên không đúng. Vui lòng nhập lại.");
        await Assertions.Expect(page.Locator("#lists")).ToBeHiddenAsync();

        // The right one, typed on the screen's keypad.
        foreach (var digit in "0000")
        {
            await page.Locator("#keypad").GetByRole(AriaRole.Button, new() { Name = digit.ToString(), Exact = true }).ClickAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Mở danh sách" }).ClickAsync();
        await Assertions.Expect(page.Locator("#security")).ToContainTextAsync("Không có việc nào cần xử lý.", new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#offline")).ToContainTextAsync("Không có việc nào cần xử lý.");

        // While the screen is open: an off-line loan of a book the desk lends to someone else meanwhile…
        await OfflineConflictAsync(kiosk);
        var conflict = page.Locator("#offline li", new() { HasText = IlsSampleData.SecondAvailableBook });
        await Assertions.Expect(conflict).ToContainTextAsync("Chí Phèo", Live);
        await Assertions.Expect(conflict).ToContainTextAsync("Hệ thống thư viện từ chối lượt mượn lúc mất kết nối: sách đang được người khác mượn.");
        await Assertions.Expect(conflict).ToContainTextAsync("Xem sách này trong hệ thống thư viện");

        // …and a return whose tag will not switch its security on.
        await StuckReturnAsync(kiosk);
        var stuck = page.Locator("#security li", new() { HasText = IlsSampleData.OnLoanItem });
        await Assertions.Expect(stuck).ToContainTextAsync("Số đỏ", Live);
        await Assertions.Expect(stuck).ToContainTextAsync("Lượt trả: không bật được nhãn an ninh của sách");
        await Assertions.Expect(stuck).ToContainTextAsync("Kiểm tra nhãn an ninh của sách trên bàn đọc của thủ thư");

        // By item only: no card number or patron name on the screen or in the list behind it.
        var shown = await page.Locator("body").InnerTextAsync();
        var json = await kiosk.Http.GetStringAsync(new Uri("/api/staff", UriKind.Relative));
        foreach (var patronData in new[] { IlsSampleData.AdultPatron, IlsSampleData.HolderPatron, "Võ Thị Lan" })
        {
            Assert.DoesNotContain(patronData, shown, StringComparison.Ordinal);
            Assert.DoesNotContain(patronData, json, StringComparison.Ordinal);
        }

        // A resolve without the right code is refused, and the entry stays.
        using var staff = JsonDocument.Parse(json);
        var securityId = staff.RootElement.GetProperty("security")[0].GetProperty("id").GetInt64();
        using (var wrong = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/staff/security/{securityId}/resolve", UriKind.Relative)) { Headers = { { "X-Staff-Code", "9999" } } })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await kiosk.Http.SendAsync(wrong)).StatusCode);
        }

        await stuck.GetByRole(AriaRole.Button, new() { Name = "Đã xử lý" }).ClickAsync();
        await Assertions.Expect(page.Locator("#security")).ToContainTextAsync("Không có việc nào cần xử lý.", Live);
        await Assertions.Expect(page.Locator("#staff-message")).ToContainTextAsync("Đã xóa khỏi danh sách: Số đỏ");
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Đã xử lý" }).ClickAsync();
        await Assertions.Expect(page.Locator("#offline")).ToContainTextAsync("Không có việc nào cần xử lý.", Live);

        // Gone for good: after a reload (the tab keeps the code until "Khóa màn hình") and in the API.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#security")).ToContainTextAsync("Không có việc nào cần xử lý.", new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#offline")).ToContainTextAsync("Không có việc nào cần xử lý.");
        using var after = JsonDocument.Parse(await kiosk.Http.GetStringAsync(new Uri("/api/staff", UriKind.Relative)));
        Assert.Equal(0, after.RootElement.GetProperty("security").GetArrayLength());
        Assert.Equal(0, after.RootElement.GetProperty("offlineConflicts").GetArrayLength());

        // English is one tap away; locking hides the list again.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("For library staff");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lock the screen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#lists")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("Staff code")).ToBeFocusedAsync();
        playwright.Dispose();
    }

    /// <summary>As in <see cref="OfflineConflictTests"/>: a loan while the ILS is cut, the desk lends the book meanwhile, the ILS returns.</summary>
    private static async Task OfflineConflictAsync(KioskHost kiosk)
    {
        var ils = kiosk.Services.GetRequiredService<EmbeddedIlsService>();
        await ils.CutAsync(CancellationToken.None);
        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/sign-in", UriKind.Relative), new { card = IlsSampleData.AdultPatron, method = "typed" })).EnsureSuccessStatusCode();
        await PadAsync(kiosk, "place", IlsSampleData.SecondAvailableBook);
        await WaitForPadAsync(kiosk, 1);
        using var loan = JsonDocument.Parse(await (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/borrow", UriKind.Relative), new { lang = "vi" })).Content.ReadAsStringAsync());
        Assert.True(loan.RootElement.GetProperty("outcomes")[0].GetProperty("offline").GetBoolean());
        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/end", UriKind.Relative), new { })).EnsureSuccessStatusCode();
        await PadAsync(kiosk, "clear", null);
        await WaitForPadAsync(kiosk, 0);

        ils.Simulator!.Library.UpdateItem(IlsSampleData.SecondAvailableBook, item => item with { BorrowerIdentifier = IlsSampleData.HolderPatron, CheckedOutAt = DateTimeOffset.UtcNow, DueDate = DateTimeOffset.UtcNow.AddDays(14) });
        await ils.RestoreAsync(CancellationToken.None);
    }

    /// <summary>A return of a book whose tag refuses every security write: retried, then listed for staff, not checked in.</summary>
    private static async Task StuckReturnAsync(KioskHost kiosk)
    {
        await PadAsync(kiosk, "place", IlsSampleData.OnLoanItem);
        await WaitForPadAsync(kiosk, 1);
        (await kiosk.Http.PostAsync(new Uri("/sim/api/reader/faults", UriKind.Relative), new StringContent("stuck"))).EnsureSuccessStatusCode();
        try
        {
            using var returned = JsonDocument.Parse(await (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/return", UriKind.Relative), new { lang = "vi" })).Content.ReadAsStringAsync());
            Assert.Equal("securitySwitchFailed", returned.RootElement.GetProperty("outcomes")[0].GetProperty("reason").GetString());
        }
        finally
        {
            (await kiosk.Http.PostAsync(new Uri("/sim/api/reader/faults", UriKind.Relative), new StringContent("ok"))).EnsureSuccessStatusCode();
        }
    }

    private static async Task PadAsync(KioskHost kiosk, string action, string? item) =>
        (await kiosk.Http.PostAsJsonAsync(new Uri("/sim/api/pad", UriKind.Relative), new { action, item })).EnsureSuccessStatusCode();

    private static async Task WaitForPadAsync(KioskHost kiosk, int count)
    {
        var coordinator = kiosk.Services.GetRequiredService<Kiosk.Circulation.KioskView>();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (coordinator.Snapshot.Items.Count != count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), wait.Token);
        }
    }
}
