using Kiosk.Simulators.Ils;
using Microsoft.Playwright;

namespace KioskController.Tests;

/// <summary>
/// The patron's screen in Chromium follows what the ILS's ACS Status (98) lets the kiosk do: a heartbeat that brings
/// "checkout ok" N turns borrowing off on screen, in both languages, while returns go on; "checkin ok" N and a renewal
/// policy of N do the same for returns and renewals. With KIOSK_SCREENSHOTS_DIR set, each state is saved as a PNG there.
/// </summary>
public sealed class AcsPolicyBrowserTests
{
    // Heartbeats every second, so a changed ACS Status reaches the screen within one.
    private static readonly string[] FastHeartbeat = ["--Kiosk:Sip2:HeartbeatInterval=00:00:01"];

    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = Browser.Patience };

    [Theory]
    [InlineData(1080, 1920)]
    [InlineData(1280, 800)]
    public async Task Loans_paused_by_the_ILS_are_said_plainly_returns_stay_open_and_loans_come_back_when_it_allows_them(int width, int height)
    {
        await using var kiosk = await KioskHost.StartAsync(FastHeartbeat);
        await using var patron = await PatronBrowser.OpenAsync(kiosk, width, height);
        var page = patron.Page;
        var banner = page.Locator("#offline-banner");
        var problems = new List<string>();

        patron.Ils.AcsPolicy.CheckoutOk = false;

        await Assertions.Expect(banner).ToHaveTextAsync("Máy này tạm ngừng cho mượn sách. Bạn vẫn trả sách được, không cần thẻ.", Soon);
        await Assertions.Expect(page.Locator("#go-borrow")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#tile-borrow-hint")).ToHaveTextAsync("Tạm ngừng ở máy này");
        await Assertions.Expect(page.Locator("#go-return")).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("#tile-return-hint")).ToHaveTextAsync("Không cần thẻ");
        await AtAsync(patron, "loans-paused-home", width, height, problems);

        await patron.TapAsync("English");
        await Assertions.Expect(banner).ToHaveTextAsync("Borrowing is paused at this kiosk. You can still return books; no card is needed.");
        await Assertions.Expect(page.Locator("#tile-borrow-hint")).ToHaveTextAsync("Paused at this kiosk");
        await AtAsync(patron, "loans-paused-home-english", width, height, problems);
        await patron.TapAsync("Tiếng Việt");

        // A patron may still sign in (for the account) and is told on the borrow screen, never asked to lay books down.
        await patron.SignInByTouchAsync(IlsSampleData.AdultPatron, IlsSampleData.AdultPin, start: "Tài khoản của tôi");
        await Assertions.Expect(page.Locator("#screen-account")).ToBeVisibleAsync(PatronBrowser.Visible);
        await patron.TapAsync("Mượn sách");
        var cannot = page.Locator("#cannot-borrow");
        await Assertions.Expect(cannot).ToContainTextAsync("Máy này tạm ngừng cho mượn sách. Vui lòng mượn tại quầy thủ thư.", new() { Timeout = Browser.Patience });
        await Assertions.Expect(cannot).ToContainTextAsync("Bạn vẫn trả sách được");
        await Assertions.Expect(page.Locator("#borrow-tray")).ToBeHiddenAsync();
        await Assertions.Expect(patron.Button("Xác nhận mượn")).ToHaveCountAsync(0);
        await AtAsync(patron, "loans-paused-borrow", width, height, problems);

        // The next heartbeat brings "checkout ok" Y: the screen invites books again.
        patron.Ils.AcsPolicy.CheckoutOk = true;
        await Assertions.Expect(page.Locator("#borrow-tray")).ToBeVisibleAsync(PatronBrowser.Visible);
        await Assertions.Expect(cannot).ToBeHiddenAsync();
        await Assertions.Expect(banner).ToBeHiddenAsync();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Returns_and_renewals_paused_by_the_ILS_close_their_buttons_and_say_where_to_go()
    {
        await using var kiosk = await KioskHost.StartAsync(FastHeartbeat);
        await using var patron = await PatronBrowser.OpenAsync(kiosk);
        var page = patron.Page;
        var problems = new List<string>();

        patron.Ils.AcsPolicy.CheckinOk = false;
        patron.Ils.AcsPolicy.RenewalOk = false;

        await Assertions.Expect(page.Locator("#offline-banner"))
            .ToHaveTextAsync("Máy này tạm ngừng nhận trả sách. Vui lòng trả sách tại quầy thủ thư. Bạn vẫn mượn sách được.", Soon);
        await Assertions.Expect(page.Locator("#go-return")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#go-borrow")).ToBeEnabledAsync();

        await patron.SignInByTouchAsync(IlsSampleData.HolderPatron, IlsSampleData.HolderPin, start: "Tài khoản của tôi");
        await Assertions.Expect(page.Locator("#loans li")).Not.ToHaveCountAsync(0, new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#renewals-paused")).ToHaveTextAsync("Máy này tạm ngừng gia hạn sách. Vui lòng gia hạn tại quầy thủ thư.");
        await Assertions.Expect(page.Locator("#loans button")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#renew-all")).ToBeDisabledAsync();
        await AtAsync(patron, "renewals-paused-account", 1080, 1920, problems);
        await page.SetViewportSizeAsync(1280, 800);
        await AtAsync(patron, "renewals-paused-account", 1280, 800, problems);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task AtAsync(PatronBrowser patron, string screen, int width, int height, List<string> problems)
    {
        // Let the screen's last redraw settle: two animation frames, not the clock.
        await patron.Page.EvaluateAsync("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))");
        var screenshots = Environment.GetEnvironmentVariable("KIOSK_SCREENSHOTS_DIR");
        if (!string.IsNullOrEmpty(screenshots))
        {
            Directory.CreateDirectory(screenshots);
            await patron.Page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, $"{screen}-{width}x{height}.png") });
        }

        problems.AddRange(await patron.ProblemsAsync($"{screen} at {width}x{height}"));
    }
}
