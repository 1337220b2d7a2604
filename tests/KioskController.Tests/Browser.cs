using Microsoft.Playwright;

namespace KioskController.Tests;

/// <summary>Debian's Chromium (installed by test.sh), headless, with the flags a container without a sandbox needs.</summary>
internal static class Browser
{
    /// <summary>
    /// How long a browser test waits for a screen to reach a state, in milliseconds: a cap for a starved machine (a CPU
    /// hog beside the tests), never a duration a passing test waits out, since each wait ends when its state is reached.
    /// </summary>
    public const float Patience = 60_000;

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
}
