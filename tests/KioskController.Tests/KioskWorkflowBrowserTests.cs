using System.Net.Http.Json;
using Kiosk.Simulators.Ils;
using KioskController.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KioskController.Tests;

/// <summary>
/// Patrons at the kiosk, in the real Chromium, against the default run's simulators: the FEIG reader on a pty, the
/// ILS over TCP, the printer over TCP. Each test drives the screen as a patron would and checks the ILS and the tags.
/// </summary>
public sealed class KioskWorkflowBrowserTests
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = Browser.Patience };

    [Fact]
    public async Task In_Vietnamese_a_patron_borrows_three_books_one_a_two_part_set_and_gets_the_receipt()
    {
        await using var kiosk = await KioskHost.StartAsync();
        await using var screen = await Screen.OpenAsync(kiosk);
        var page = screen.Page;

        await SignInAsync(page, IlsSampleData.AdultPatron, IlsSampleData.AdultPin);
        await PadAsync(kiosk, "place", IlsSampleData.AvailableBook);
        await PadAsync(kiosk, "place", IlsSampleData.SecondAvailableBook);
        await PadAsync(kiosk, "place", IlsSampleData.TwoPartSet, 1);

        // The set shows its missing part until the second part lands.
        var set = page.Locator("#borrow-items li", new() { HasText = "Đất rừng phương Nam" });
        await Assertions.Expect(set).ToContainTextAsync("thiếu tập 2/2", new() { Timeout = Browser.Patience });
        await PadAsync(kiosk, "place", IlsSampleData.TwoPartSet, 2);
        await Assertions.Expect(set).Not.ToContainTextAsync("thiếu tập", new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#borrow-items li")).ToHaveCountAsync(3);

        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận mượn" }).ClickAsync();

        await Assertions.Expect(page.Locator("#result-heading")).ToHaveTextAsync("Kết quả mượn sách", new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#outcomes li.ok")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#outcomes")).ToContainTextAsync("Hạn trả");
        await page.GetByRole(AriaRole.Button, new() { Name = "Có", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#receipt-status")).ToHaveTextAsync("Đã in biên lai. Mời bạn lấy biên lai.", new() { Timeout = Browser.Patience });

        var library = Ils(kiosk).Library;
        Assert.All([IlsSampleData.AvailableBook, IlsSampleData.SecondAvailableBook, IlsSampleData.TwoPartSet], id =>
            Assert.Equal(IlsSampleData.AdultPatron, library.FindItem(id)!.BorrowerIdentifier));
        var shelf = kiosk.Services.GetRequiredService<SimulatedShelf>();
        Assert.Equal((byte)0xC2, shelf.AfiOf(IlsSampleData.TwoPartSet, 1));
        Assert.Equal((byte)0xC2, shelf.AfiOf(IlsSampleData.TwoPartSet, 2));

        // The receipt, as the simulated printer decoded it, lists the three titles. The printer has the job once the
        // screen says printed; its files appear when the simulator has decoded the cut.
        List<ReceiptEntry>? receipts;
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            while ((receipts = await kiosk.Http.GetFromJsonAsync<List<ReceiptEntry>>(new Uri("/sim/api/receipts", UriKind.Relative), wait.Token))!.Count == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), wait.Token);
            }
        }

        var receipt = Assert.Single(receipts);
        Assert.Contains("Truyện Kiều", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("Chí Phèo", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("Đất rừng phương Nam", receipt.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(IlsSampleData.AdultPatron, receipt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patron_returns_a_stack_without_signing_in()
    {
        await using var kiosk = await KioskHost.StartAsync();
        await BorrowThroughTheApiAsync(kiosk, IlsSampleData.AdultPatron, IlsSampleData.AdultPin, IlsSampleData.AvailableBook, IlsSampleData.SecondAvailableBook);
        await using var screen = await Screen.OpenAsync(kiosk);
        var page = screen.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Trả sách" }).ClickAsync();
        await PadAsync(kiosk, "place", IlsSampleData.AvailableBook);
        await PadAsync(kiosk, "place", IlsSampleData.SecondAvailableBook);
        await PadAsync(kiosk, "place", IlsSampleData.OnLoanItem);
        await Assertions.Expect(page.Locator("#return-items li")).ToHaveCountAsync(3, new() { Timeout = Browser.Patience });
        await page.GetByRole(AriaRole.Button, new() { Name = "Trả các sách này" }).ClickAsync();

        await Assertions.Expect(page.Locator("#outcomes li.ok")).ToHaveCountAsync(3, new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#outcomes")).ToContainTextAsync("Đã trả");
        var library = Ils(kiosk).Library;
        var shelf = kiosk.Services.GetRequiredService<SimulatedShelf>();
        Assert.All([IlsSampleData.AvailableBook, IlsSampleData.SecondAvailableBook, IlsSampleData.OnLoanItem], id =>
        {
            Assert.Null(library.FindItem(id)!.BorrowerIdentifier);
            Assert.Equal((byte)0x07, shelf.AfiOf(id));
        });
    }

    [Fact]
    public async Task A_patron_renews_a_loan_from_the_account_screen()
    {
        await using var kiosk = await KioskHost.StartAsync();
        var before = Ils(kiosk).Library.FindItem(IlsSampleData.OnLoanItem)!.DueDate;
        await using var screen = await Screen.OpenAsync(kiosk);
        var page = screen.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Tài khoản của tôi" }).ClickAsync();
        await EnterCardAndPinAsync(page, IlsSampleData.HolderPatron, IlsSampleData.HolderPin);
        var loan = page.Locator("#loans li", new() { HasText = "Số đỏ" });
        await Assertions.Expect(loan).ToBeVisibleAsync(Visible);
        await Assertions.Expect(page.Locator("#holds")).ToContainTextAsync("Tắt đèn");
        await loan.GetByRole(AriaRole.Button, new() { Name = "Gia hạn" }).ClickAsync();

        await Assertions.Expect(page.Locator("#result-heading")).ToHaveTextAsync("Kết quả gia hạn", new() { Timeout = Browser.Patience });
        await Assertions.Expect(page.Locator("#outcomes li.ok")).ToContainTextAsync("Đã gia hạn");
        var item = Ils(kiosk).Library.FindItem(IlsSampleData.OnLoanItem)!;
        Assert.True(item.DueDate > before);
        Assert.Equal(1, item.RenewalCount);
    }

    [Fact]
    public async Task An_idle_session_warns_then_ends_and_the_screen_goes_home()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:Circulation:IdleWarningAfter=00:00:05", "--Kiosk:Circulation:IdleGrace=00:00:05");
        await using var screen = await Screen.OpenAsync(kiosk);
        var page = screen.Page;

        await SignInAsync(page, IlsSampleData.AdultPatron, IlsSampleData.AdultPin);

        await Assertions.Expect(page.Locator("#idle-warning")).ToBeVisibleAsync(Visible);
        await Assertions.Expect(page.Locator("#idle-heading")).ToHaveTextAsync("Bạn còn ở đây không?");
        await Assertions.Expect(page.Locator("#screen-home")).ToBeVisibleAsync(Visible);
        await Assertions.Expect(page.Locator("#idle-warning")).ToBeHiddenAsync();
        Assert.Equal(Kiosk.Circulation.Sessions.SessionState.NoSession, kiosk.Services.GetRequiredService<Kiosk.Circulation.KioskView>().Snapshot.State);
    }

    [Fact]
    public async Task A_loan_made_while_the_ILS_is_cut_is_replayed_when_it_comes_back()
    {
        await using var kiosk = await KioskHost.StartAsync("--Kiosk:Circulation:OfflineProbeInterval=00:00:01");
        await using var screen = await Screen.OpenAsync(kiosk);
        var page = screen.Page;
        await kiosk.Http.PostAsync(new Uri("/sim/api/ils", UriKind.Relative), new StringContent("cut"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Mượn sách" }).ClickAsync();
        await page.Locator("#card-number").FillAsync(IlsSampleData.AdultPatron);
        await page.Locator("#card-number").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#screen-borrow")).ToBeVisibleAsync(Visible);
        await Assertions.Expect(page.Locator("#offline-banner")).ToBeVisibleAsync(Visible);
        await PadAsync(kiosk, "place", IlsSampleData.ThirdAvailableBook);
        await Assertions.Expect(page.Locator("#borrow-items li")).ToHaveCountAsync(1, new() { Timeout = Browser.Patience });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận mượn" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outcomes li.ok")).ToContainTextAsync("sẽ cập nhật khi có kết nối", new() { Timeout = Browser.Patience });
        Assert.Null(Ils(kiosk).Library.FindItem(IlsSampleData.ThirdAvailableBook)!.BorrowerIdentifier);

        await kiosk.Http.PostAsync(new Uri("/sim/api/ils", UriKind.Relative), new StringContent("restore"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Ils(kiosk).Library.FindItem(IlsSampleData.ThirdAvailableBook)!.BorrowerIdentifier is null)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }

        Assert.Equal(IlsSampleData.AdultPatron, Ils(kiosk).Library.FindItem(IlsSampleData.ThirdAvailableBook)!.BorrowerIdentifier);
        await Assertions.Expect(page.Locator("#offline-banner")).ToBeHiddenAsync(new() { Timeout = Browser.Patience });
    }

    [Fact]
    public async Task A_wrong_PIN_is_said_in_plain_words_and_the_screen_works_from_the_keyboard_alone()
    {
        await using var kiosk = await KioskHost.StartAsync();
        await using var screen = await Screen.OpenAsync(kiosk);
        var page = screen.Page;

        // Tab past the language and large-text buttons to "Mượn sách" and press Enter: no pointer at all.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#go-borrow")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#card-number")).ToBeFocusedAsync(new() { Timeout = Browser.Patience });
        await page.Keyboard.TypeAsync(IlsSampleData.AdultPatron);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#pin")).ToBeFocusedAsync(new() { Timeout = Browser.Patience });
        await page.Keyboard.TypeAsync("0000");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#pin-error")).ToHaveTextAsync("Mã PIN không đúng · còn 2 lần thử", new() { Timeout = Browser.Patience });
        foreach (var button in await page.Locator("#screen-pin button:visible").AllAsync())
        {
            var box = await button.BoundingBoxAsync();
            Assert.True(box is { Width: >= 48, Height: >= 48 }, $"'{await button.TextContentAsync()}' is smaller than 48 px.");
        }
    }

    private static IlsSimulator Ils(KioskHost kiosk) => kiosk.Services.GetRequiredService<EmbeddedIlsService>().Simulator!;

    private static async Task PadAsync(KioskHost kiosk, string action, string item, int part = 1)
    {
        var response = await kiosk.Http.PostAsJsonAsync(new Uri("/sim/api/pad", UriKind.Relative), new { action, item, part });
        response.EnsureSuccessStatusCode();
    }

    private static async Task SignInAsync(IPage page, string card, string pin)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Mượn sách" }).ClickAsync(new() { Timeout = Browser.Patience });
        await EnterCardAndPinAsync(page, card, pin);
        await Assertions.Expect(page.Locator("#screen-borrow")).ToBeVisibleAsync(Visible);
    }

    private static async Task EnterCardAndPinAsync(IPage page, string card, string pin)
    {
        await page.Locator("#card-number").FillAsync(card);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#screen-pin")).ToBeVisibleAsync(Visible);

        // The on-screen keypad, as a patron without a keyboard would.
        foreach (var digit in pin)
        {
            await page.Locator("#keypad").GetByRole(AriaRole.Button, new() { Name = digit.ToString(), Exact = true }).ClickAsync();
        }

        await page.Locator("#screen-pin").GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
    }

    private static async Task BorrowThroughTheApiAsync(KioskHost kiosk, string card, string pin, params string[] items)
    {
        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/sign-in", UriKind.Relative), new { card, method = "typed" })).EnsureSuccessStatusCode();
        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/pin", UriKind.Relative), new { pin })).EnsureSuccessStatusCode();
        foreach (var item in items)
        {
            await PadAsync(kiosk, "place", item);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var coordinator = kiosk.Services.GetRequiredService<Kiosk.Circulation.KioskView>();
        while (coordinator.Snapshot.Items.Count < items.Length)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }

        (await kiosk.Http.PostAsJsonAsync(new Uri("/api/session/borrow", UriKind.Relative), new { lang = "vi" })).EnsureSuccessStatusCode();
        (await kiosk.Http.PostAsync(new Uri("/api/session/end", UriKind.Relative), null)).EnsureSuccessStatusCode();
        foreach (var item in items)
        {
            await PadAsync(kiosk, "remove", item);
        }
    }

    private sealed record ReceiptEntry(string Name, string Image, string Text);

    /// <summary>One browser page on the kiosk's screen, torn down with the browser.</summary>
    private sealed class Screen : IAsyncDisposable
    {
        private readonly IPlaywright _playwright;
        private readonly IBrowser _browser;

        private Screen(IPlaywright playwright, IBrowser browser, IPage page) => (_playwright, _browser, Page) = (playwright, browser, page);

        public IPage Page { get; }

        public static async Task<Screen> OpenAsync(KioskHost kiosk)
        {
            var playwright = await Playwright.CreateAsync();
            var browser = await Browser.LaunchAsync(playwright);
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1024 } });
            page.SetDefaultTimeout(Browser.Patience);
            await page.GotoAsync(kiosk.Address.ToString());
            await Assertions.Expect(page.Locator("#ils-status")).ToHaveTextAsync("Đã kết nối", new() { Timeout = Browser.Patience });
            return new Screen(playwright, browser, page);
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}
