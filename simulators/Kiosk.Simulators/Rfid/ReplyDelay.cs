using System.Diagnostics;

namespace Kiosk.Simulators.Rfid;

/// <summary>
/// Holds a reply back for its modelled time. On the real clock a timer alone fires late: on the 2-core dev machine an
/// 18.4 ms <see cref="Task.Delay(TimeSpan, CancellationToken)"/> overshot by 1.9 ms on average (4.1 ms at p90, 200
/// samples), which is as much as the driver overhead the benches set out to measure. In precise mode the timer covers
/// all but the last <see cref="SpinMargin"/>, and the rest is waited out yielding the processor, so the reply leaves
/// within a few microseconds of its time, as from a real reader's firmware. A fake clock gets the plain timer, so
/// tests that advance it see exactly one pending delay.
/// </summary>
internal static class ReplyDelay
{
    private static readonly TimeSpan SpinMargin = TimeSpan.FromMilliseconds(2.5);

    public static Task WaitAsync(TimeSpan delay, TimeProvider timeProvider, bool precise, CancellationToken cancellationToken) =>
        precise && timeProvider == TimeProvider.System
            ? WaitPreciselyAsync(delay, cancellationToken)
            : Task.Delay(delay, timeProvider, cancellationToken);

    private static async Task WaitPreciselyAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        if (delay > SpinMargin)
        {
            await Task.Delay(delay - SpinMargin, cancellationToken).ConfigureAwait(false);
        }

        while (Stopwatch.GetElapsedTime(start) < delay)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Thread.SpinWait(20);
        }
    }
}
