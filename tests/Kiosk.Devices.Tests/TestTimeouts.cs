namespace Kiosk.Devices.Tests;

/// <summary>How long a test waits for something that should happen at once; generous because two cores are shared.</summary>
internal static class TestTimeouts
{
    /// <summary>
    /// Bound on waiting for a condition over a real pty; a pass takes milliseconds, a hang fails instead of blocking the
    /// run. 60 s is a cap for a starved machine (a CPU hog beside the tests), not a time any passing test waits out.
    /// </summary>
    public static readonly TimeSpan Condition = TimeSpan.FromSeconds(60);

    public static CancellationTokenSource Start() => new(Condition);
}
