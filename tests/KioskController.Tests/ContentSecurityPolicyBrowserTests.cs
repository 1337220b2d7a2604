using Microsoft.Playwright;

namespace KioskController.Tests;

/// <summary>The kiosk's pages under their own Content-Security-Policy in Chromium: nothing they load or run is blocked.</summary>
public sealed class ContentSecurityPolicyBrowserTests
{
    [Fact]
    public async Task The_patron_staff_and_simulator_pages_run_under_the_policy_without_a_violation()
    {
        await using var kiosk = await KioskHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(Browser.Patience);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };

        await page.GotoAsync(kiosk.Address.ToString());
        await Assertions.Expect(page.Locator("#ils-status")).ToHaveTextAsync("Đã kết nối", new() { Timeout = Browser.Patience });

        // The staff screen's code check is a same-origin JSON POST through the same-origin guard.
        await page.GotoAsync(new Uri(kiosk.Address, "/staff/").ToString());
        await page.Locator("#staff-code").FillAsync("0000");
        await page.Locator("#access-form").EvaluateAsync("form => form.requestSubmit()");
        await Assertions.Expect(page.Locator("#lock")).ToBeVisibleAsync(new() { Timeout = Browser.Patience });

        await page.GotoAsync(new Uri(kiosk.Address, "/sim/").ToString());
        await Assertions.Expect(page.Locator("#ils-state")).ToHaveTextAsync("up", new() { Timeout = Browser.Patience });

        lock (violations)
        {
            Assert.Empty(violations);
        }
    }
}
