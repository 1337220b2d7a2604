namespace Kiosk.Ils.Tests.Support;

/// <summary>Waits on a condition that another thread or process makes true; never a fixed sleep.</summary>
internal static class Wait
{
    /// <summary>How long a condition may take before the test fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, checking it again every 10 ms, for at most <see cref="Patience"/>.
    /// </summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}.");
            }

            // Polls a condition the TCP ILS makes true on its own threads; not a fixed sleep.
            await Task.Delay(10, CancellationToken.None);
        }
    }
}
