using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Kiosk.Simulators.Ils;
using KioskController.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KioskController.Tests;

/// <summary>
/// The patron's screen in the real Chromium at one viewport, driven as a patron drives it: by the buttons they see and
/// touch. Also the checks every screen must pass (axe-core, no scrolling, text and touch sizes).
/// </summary>
internal sealed class PatronBrowser : IAsyncDisposable
{
    public static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = Browser.Patience };

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PatronBrowser(KioskHost kiosk, IPlaywright playwright, IBrowser browser, IPage page)
    {
        Kiosk = kiosk;
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public KioskHost Kiosk { get; }

    public IPage Page { get; }

    public IlsSimulator Ils => Kiosk.Services.GetRequiredService<EmbeddedIlsService>().Simulator!;

    /// <summary>Opens the kiosk's screen; <paramref name="timeZone"/> is the browser machine's zone, which must never move a date.</summary>
    public static async Task<PatronBrowser> OpenAsync(KioskHost kiosk, int width = 1080, int height = 1920, string? timeZone = null)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, HasTouch = true, TimezoneId = timeZone });
        page.SetDefaultTimeout(Browser.Patience);
        await page.GotoAsync(kiosk.Address.ToString());
        await Assertions.Expect(page.Locator("#ils-status")).ToHaveTextAsync("Đã kết nối", new() { Timeout = Browser.Patience });
        return new PatronBrowser(kiosk, playwright, browser, page);
    }

    /// <summary>
    /// The visible button whose name is <paramref name="name"/>, or starts with it followed by more words: a home
    /// tile's name is its label and its hint ("Mượn sách Cần thẻ thư viện").
    /// </summary>
    public ILocator Button(string name, ILocator? within = null) =>
        (within ?? Page.Locator("body"))
            .GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(name)}(\\s|$)") })
            .Filter(new() { Visible = true });

    public Task TapAsync(string name) => Button(name).ClickAsync(new() { Timeout = Browser.Patience });

    /// <summary>Types on the on-screen card keyboard, one key at a time, as a patron without a keyboard does.</summary>
    public async Task TypeCardAsync(string card)
    {
        var keyboard = Page.Locator("#card-keyboard");
        foreach (var character in card)
        {
            await keyboard.GetByRole(AriaRole.Button, new() { Name = character.ToString(), Exact = true }).ClickAsync();
        }
    }

    /// <summary>Taps the PIN on the on-screen keypad.</summary>
    public async Task TypePinAsync(string pin)
    {
        foreach (var digit in pin)
        {
            await Page.Locator("#keypad").GetByRole(AriaRole.Button, new() { Name = digit.ToString(), Exact = true }).ClickAsync();
        }
    }

    /// <summary>Home → Mượn sách → card on the keyboard → PIN on the keypad, landing on the borrow screen.</summary>
    public async Task SignInByTouchAsync(string card, string pin, string start = "Mượn sách")
    {
        await TapAsync(start);
        await TypeCardAsync(card);
        await Button("Tiếp tục", Page.Locator("#screen-sign-in")).ClickAsync();
        await Assertions.Expect(Page.Locator("#screen-pin")).ToBeVisibleAsync(Visible);
        await TypePinAsync(pin);
        await Button("Tiếp tục", Page.Locator("#screen-pin")).ClickAsync();
    }

    /// <summary>Waits until the kiosk's pad model lists <paramref name="itemId"/> with its title, whatever screen shows.</summary>
    public async Task WaitForTrayAsync(string itemId)
    {
        var view = Kiosk.Services.GetRequiredService<Kiosk.Circulation.KioskView>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!view.Snapshot.Items.Any(item => item.ItemId == itemId && item.Title is not null))
        {
            // The pad reads the tag on its own thread; bounded by the timeout.
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    public async Task PadAsync(string action, string item, int part = 1)
    {
        var response = await Kiosk.Http.PostAsJsonAsync(new Uri("/sim/api/pad", UriKind.Relative), new { action, item, part });
        response.EnsureSuccessStatusCode();
    }

    public async Task IlsAsync(string command) =>
        (await Kiosk.Http.PostAsync(new Uri("/sim/api/ils", UriKind.Relative), new StringContent(command))).EnsureSuccessStatusCode();

    /// <summary>Waits until the home screen shows, in Vietnamese, with nothing of the last patron on it.</summary>
    public async Task ExpectHomeInVietnameseAsync(int timeoutMilliseconds = 30_000)
    {
        await Assertions.Expect(Page.Locator("#screen-home")).ToBeVisibleAsync(new() { Timeout = timeoutMilliseconds });
        await Assertions.Expect(Page.Locator("#home-heading")).ToHaveTextAsync("Xin chào! Bạn muốn làm gì?", new() { Timeout = Browser.Patience });
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Assertions.Expect(Page.Locator("#card-number")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(Page.Locator("#sign-in-error")).ToBeEmptyAsync();
        await Assertions.Expect(Page.Locator("#outcomes li")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#loans li")).ToHaveCountAsync(0);
    }

    /// <summary>Every check a screen must pass, each failure named; empty when all pass.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(string screen)
    {
        var problems = new List<string>();
        var axe = await Page.RunAxe();
        foreach (var violation in axe.Violations)
        {
            problems.Add($"{screen}: axe {violation.Id} ({violation.Help}) at {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}");
        }

        var layout = await Page.EvaluateAsync<JsonElement>(LayoutProbe);
        foreach (var problem in layout.EnumerateArray())
        {
            problems.Add($"{screen}: {problem.GetString()}");
        }

        return problems;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    // What the layout must be, measured in the page: no page scrolling, every visible text at least 24 px, every
    // visible button at least 64 px each way and wholly on screen.
    private const string LayoutProbe = """
        () => {
          const problems = [];
          const root = document.scrollingElement;
          if (root.scrollHeight > innerHeight) problems.push(`page scrolls: ${root.scrollHeight} > ${innerHeight} px high`);
          if (root.scrollWidth > innerWidth) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${innerWidth} px wide`);
          const visible = (element) => {
            const box = element.getBoundingClientRect();
            return box.width > 1 && box.height > 1 && getComputedStyle(element).visibility !== "hidden" && element.checkVisibility();
          };
          for (const element of document.querySelectorAll("body *")) {
            const hasText = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim());
            if (!hasText || !visible(element)) continue;
            const size = parseFloat(getComputedStyle(element).fontSize);
            if (size < 24) problems.push(`text under 24 px (${size} px): "${element.textContent.trim().slice(0, 40)}"`);
          }
          for (const button of document.querySelectorAll("button")) {
            if (!visible(button)) continue;
            const box = button.getBoundingClientRect();
            const name = button.getAttribute("aria-label") || button.textContent.trim();
            if (box.width < 64 || box.height < 64) problems.push(`button "${name}" is ${Math.round(box.width)}x${Math.round(box.height)} px, under 64`);
            if (box.bottom > innerHeight + 0.5 || box.right > innerWidth + 0.5) problems.push(`button "${name}" is off screen`);
          }
          return problems;
        }
        """;
}
