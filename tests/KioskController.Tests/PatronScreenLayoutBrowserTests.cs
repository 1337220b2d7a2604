using Kiosk.Protocols.Sip2;
using Kiosk.Simulators.Ils;
using Microsoft.Playwright;

namespace KioskController.Tests;

/// <summary>
/// Every screen a patron can meet, at the kiosk's portrait and smallest landscape sizes: axe-core finds nothing, the
/// page never scrolls, text is at least 24 px and buttons at least 64 px. With KIOSK_SCREENSHOTS_DIR set (see
/// docs/screens/make-screens.sh) the same tour saves each screen as a PNG there.
/// </summary>
public sealed class PatronScreenLayoutBrowserTests
{
    [Theory]
    [InlineData(1080, 1920)]
    [InlineData(1280, 800)]
    [InlineData(1920, 1080)]
    public async Task Every_screen_is_accessible_legible_and_fits_without_scrolling(int width, int height)
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:Circulation:IdleWarningAfter=00:00:20", "--Kiosk:Circulation:IdleGrace=00:00:30");
        await using var patron = await PatronBrowser.OpenAsync(kiosk, width, height);
        var screenshots = Environment.GetEnvironmentVariable("KIOSK_SCREENSHOTS_DIR");
        var problems = new List<string>();

        async Task At(string screen)
        {
            // Let a screen's last redraw settle: wait for two animation frames, not for the clock.
            await patron.Page.EvaluateAsync("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))");
            if (!string.IsNullOrEmpty(screenshots))
            {
                Directory.CreateDirectory(screenshots);
                await patron.Page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, $"{screen}-{width}x{height}.png") });
            }

            problems.AddRange(await patron.ProblemsAsync($"{screen} at {width}x{height}"));
        }

        await TourAsync(patron, At);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Walks through every screen, calling <paramref name="at"/> on each, the way patrons would reach them.</summary>
    private static async Task TourAsync(PatronBrowser patron, Func<string, Task> at)
    {
        var page = patron.Page;
        var visible = PatronBrowser.Visible;
        await at("home");

        // Sign-in: the on-screen keyboard, a card that is not found, then the PIN.
        await patron.TapAsync("Mượn sách");
        await patron.TypeCardAsync("BD99");
        await at("sign-in-keyboard");
        await patron.TypeCardAsync("99");
        await patron.Button("Tiếp tục", page.Locator("#screen-sign-in")).ClickAsync();
        await Assertions.Expect(page.Locator("#sign-in-error")).ToContainTextAsync("Không tìm thấy thẻ này", new() { Timeout = Browser.Patience });
        await at("sign-in-error");
        await patron.Button("Xóa hết", page.Locator("#card-keyboard")).ClickAsync();
        await patron.TypeCardAsync(IlsSampleData.AdultPatron);
        await patron.Button("Tiếp tục", page.Locator("#screen-sign-in")).ClickAsync();
        await Assertions.Expect(page.Locator("#screen-pin")).ToBeVisibleAsync(visible);
        await patron.TypePinAsync("12");
        await at("pin");
        await patron.TypePinAsync("34");
        await patron.Button("Tiếp tục", page.Locator("#screen-pin")).ClickAsync();
        await Assertions.Expect(page.Locator("#screen-borrow")).ToBeVisibleAsync(visible);
        await at("borrow-empty");

        // Books on the tray, the loan in progress (the ILS made slow), its result with the receipt question.
        await patron.PadAsync("place", IlsSampleData.AvailableBook);
        await patron.PadAsync("place", IlsSampleData.SecondAvailableBook);
        await patron.PadAsync("place", IlsSampleData.TwoPartSet, 1);
        await patron.PadAsync("place", IlsSampleData.TwoPartSet, 2);
        await Assertions.Expect(page.Locator("#borrow-items li")).ToHaveCountAsync(3, new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#borrow-items")).Not.ToContainTextAsync("thiếu tập", new() { Timeout = Browser.Patience });
        await at("borrow-with-books");
        patron.Ils.Faults.SetLatency(TimeSpan.FromSeconds(5), Sip2Command.Checkout);
        await patron.TapAsync("Xác nhận mượn");
        await Assertions.Expect(page.Locator("#borrow-progress")).ToContainTextAsync("Đang mượn", new() { Timeout = Browser.Patience });
        await at("progress");
        patron.Ils.Faults.SetLatency(TimeSpan.Zero);
        await Assertions.Expect(page.Locator("#result-heading")).ToHaveTextAsync("Kết quả mượn sách", new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#receipt-ask")).ToBeVisibleAsync(visible);
        await at("result-receipt-question");
        await patron.TapAsync("Không");
        await patron.TapAsync("Xong");

        // The account, then goodbye with a book on the tray that was not lent.
        await patron.TapAsync("Tài khoản của tôi");
        await Assertions.Expect(page.Locator("#loans li")).ToHaveCountAsync(3, new() { Timeout = Browser.Patience });
        await at("account");
        await patron.PadAsync("place", IlsSampleData.ThirdAvailableBook);
        await patron.WaitForTrayAsync(IlsSampleData.ThirdAvailableBook);
        await patron.TapAsync("Kết thúc");
        await Assertions.Expect(page.Locator("#screen-goodbye")).ToBeVisibleAsync(visible);
        await Assertions.Expect(page.Locator("#left-on-pad")).ToContainTextAsync("Nỗi buồn chiến tranh chưa được mượn");
        await at("goodbye");
        await Assertions.Expect(page.Locator("#screen-home")).ToBeVisibleAsync(visible);
        await patron.PadAsync("remove", IlsSampleData.ThirdAvailableBook);

        // A patron who owes more than the limit: told why and what to do, never asked to lay books down.
        await patron.SignInByTouchAsync(IlsSampleData.FinedPatron, IlsSampleData.FinedPin);
        await Assertions.Expect(page.Locator("#cannot-borrow")).ToBeVisibleAsync(visible);
        await at("borrow-cannot-borrow");
        await patron.TapAsync("Kết thúc");
        await Assertions.Expect(page.Locator("#screen-home")).ToBeVisibleAsync(visible);

        // A return of the three books just lent: no card.
        await patron.TapAsync("Trả sách");
        await Assertions.Expect(page.Locator("#return-items li")).ToHaveCountAsync(3, new() { Timeout = Browser.Patience });
        await at("return-with-books");
        await patron.TapAsync("Trả các sách này");
        await Assertions.Expect(page.Locator("#outcomes li.ok")).ToHaveCountAsync(3, new() { Timeout = Browser.Patience });
        await at("return-result");
        await patron.TapAsync("Xong");
        foreach (var item in new[] { IlsSampleData.AvailableBook, IlsSampleData.SecondAvailableBook })
        {
            await patron.PadAsync("remove", item);
        }

        await patron.PadAsync("remove", IlsSampleData.TwoPartSet, 1);
        await patron.PadAsync("remove", IlsSampleData.TwoPartSet, 2);

        // The idle warning, after the server's IdleWarningAfter without a touch.
        await patron.SignInByTouchAsync(IlsSampleData.HolderPatron, IlsSampleData.HolderPin);
        await Assertions.Expect(page.Locator("#idle-warning")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await at("idle-warning");
        await patron.TapAsync("Tôi vẫn ở đây");
        await Assertions.Expect(page.Locator("#idle-warning")).ToBeHiddenAsync(new() { Timeout = Browser.Patience });
        await patron.TapAsync("Kết thúc");
        await Assertions.Expect(page.Locator("#screen-home")).ToBeVisibleAsync(visible);

        // English and large text on the home screen, then the off-line banner.
        await patron.TapAsync("English");
        await Assertions.Expect(page.Locator("#home-heading")).ToHaveTextAsync("Hello! What would you like to do?");
        await at("home-english");
        await patron.TapAsync("Tiếng Việt");
        await page.Locator("#large-text").ClickAsync();
        await at("home-large-text");
        await page.Locator("#large-text").ClickAsync();
        await patron.IlsAsync("cut");
        await Assertions.Expect(page.Locator("#offline-banner")).ToBeVisibleAsync(visible);
        await at("offline-banner");
        await patron.IlsAsync("restore");
    }
}
