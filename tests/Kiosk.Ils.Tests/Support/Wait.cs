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

            // Polls a condition other threads make true (the TCP ILS, the pty reader), bounded by the timeout.
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // The condition is checked once more, then the wait fails with its reason.
            }
        }
    }
}
