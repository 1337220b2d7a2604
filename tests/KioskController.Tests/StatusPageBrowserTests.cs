using Microsoft.Playwright;

namespace KioskController.Tests;

/// <summary>The screen in the real Chromium that test.sh installs (Debian's /usr/bin/chromium).</summary>
public sealed class StatusPageBrowserTests
{
    [Fact]
    public async Task The_screen_starts_in_Vietnamese_and_switches_to_English_with_one_tap()
    {
        await using var kiosk = await KioskHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(Browser.Patience);

        await page.GotoAsync(kiosk.Address.ToString());
        await Assertions.Expect(page.Locator("#ils-status")).ToHaveTextAsync("Đã kết nối", new() { Timeout = Browser.Patience });
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));

        var toggle = page.Locator("#language");
        var box = await toggle.BoundingBoxAsync();
        Assert.True(box is { Width: >= 48, Height: >= 48 }, "Touch targets must be at least 48 px.");
        await toggle.ClickAsync();

        await Assertions.Expect(page.Locator("#ils-status")).ToHaveTextAsync("Connected");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(toggle).ToHaveTextAsync("Tiếng Việt");
    }

    [Fact]
    public async Task A_book_placed_on_the_pad_shows_at_once_with_its_title_and_its_missing_part()
    {
        await using var kiosk = await KioskHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(Browser.Patience);
        await page.GotoAsync(kiosk.Address.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Trả sách" }).ClickAsync(new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#return-items li")).ToHaveTextAsync("Chưa có sách trên khay đặt sách", new() { Timeout = Browser.Patience });

        await kiosk.Http.PostAsync(new Uri("/sim/api/reader", UriKind.Relative), new StringContent("place TV0007 part 1/2"));

        var item = page.Locator("#return-items li");
        await Assertions.Expect(item.Locator(".title")).ToHaveTextAsync("Đất rừng phương Nam (2 tập)", new() { Timeout = Browser.Patience });
        await Assertions.Expect(item.Locator(".note")).ToHaveTextAsync("1/2 tập · thiếu tập 2/2");
    }
}
