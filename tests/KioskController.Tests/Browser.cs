using Microsoft.Playwright;

namespace KioskController.Tests;

/// <summary>Debian's Chromium (installed by test.sh), headless, with the flags a container without a sandbox needs.</summary>
internal static class Browser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
}
