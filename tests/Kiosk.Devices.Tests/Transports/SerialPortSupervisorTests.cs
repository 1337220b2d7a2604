using System.Threading.Channels;
using Kiosk.Devices.Transports;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Devices.Tests.Transports;

public sealed class SerialPortSupervisorTests
{
    [Fact]
    public async Task The_backoff_doubles_from_the_minimum_to_the_maximum_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider();
        var attempts = 0;
        var transport = new StreamSerialTransport("test port", _ =>
        {
            Interlocked.Increment(ref attempts);
            throw new SerialTransportException("refused for the test");
        });
        var supervisor = new SerialPortSupervisor(
            transport, new SerialSupervisorOptions { ReconnectMinDelay = TimeSpan.FromSeconds(1), ReconnectMaxDelay = TimeSpan.FromSeconds(4) }, clock);
        var changes = Watch(supervisor);
        using var timeout = TestTimeouts.Start();
        using var stop = new CancellationTokenSource();
        var running = supervisor.RunAsync((_, _) => Task.CompletedTask, stop.Token);

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var change = await changes.ReadAsync(timeout.Token);
            Assert.Equal(SerialLinkState.Disconnected, change.State);
            Assert.Equal("refused for the test", change.Reason);
            Assert.Equal(attempt, change.FailedAttempts);
            Assert.Equal(attempt, Volatile.Read(ref attempts));
            waits.Add(change.RetryIn!.Value);

            // One tick short of the wait, nothing happens; the retry comes exactly when the wait is over.
            clock.Advance(change.RetryIn.Value - TimeSpan.FromTicks(1));
            Assert.Equal(attempt, Volatile.Read(ref attempts));
            clock.Advance(TimeSpan.FromTicks(1));
        }

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4)], waits);
        await stop.CancelAsync();
        await running.WaitAsync(timeout.Token);
        Assert.Equal(SerialLinkState.Stopped, supervisor.State);
    }

    [Fact]
    public async Task A_missing_port_is_reported_and_opened_once_it_appears()
    {
        var clock = new FakeTimeProvider();
        var present = false;
        var transport = new StreamSerialTransport("/dev/ttyUSB9", _ => ValueTask.FromResult<Stream>(new MemoryStream()), () => Volatile.Read(ref present));
        var supervisor = new SerialPortSupervisor(transport, new SerialSupervisorOptions(), clock);
        var changes = Watch(supervisor);
        using var timeout = TestTimeouts.Start();
        using var stop = new CancellationTokenSource();
        var sessionStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = supervisor.RunAsync(
            async (connection, cancellationToken) =>
            {
                sessionStarted.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            },
            stop.Token);

        var missing = await changes.ReadAsync(timeout.Token);
        Assert.Equal(SerialLinkState.Disconnected, missing.State);
        Assert.Contains("/dev/ttyUSB9 does not exist", missing.Reason, StringComparison.Ordinal);

        Volatile.Write(ref present, true);
        clock.Advance(missing.RetryIn!.Value);

        var connected = await changes.ReadAsync(timeout.Token);
        Assert.Equal(SerialLinkState.Connected, connected.State);
        await sessionStarted.Task.WaitAsync(timeout.Token);
        await stop.CancelAsync();
        await running.WaitAsync(timeout.Token);
    }

    [Fact]
    public async Task A_session_that_fails_is_reported_with_its_reason_and_the_port_is_reopened()
    {
        var clock = new FakeTimeProvider();
        var opened = 0;
        var transport = new StreamSerialTransport("test port", _ =>
        {
            Interlocked.Increment(ref opened);
            return ValueTask.FromResult<Stream>(new MemoryStream());
        });
        var supervisor = new SerialPortSupervisor(transport, new SerialSupervisorOptions(), clock);
        var changes = Watch(supervisor);
        using var timeout = TestTimeouts.Start();
        using var stop = new CancellationTokenSource();
        var running = supervisor.RunAsync((_, _) => throw new InvalidOperationException("driver bug for the test"), stop.Token);

        Assert.Equal(SerialLinkState.Connected, (await changes.ReadAsync(timeout.Token)).State);
        var lost = await changes.ReadAsync(timeout.Token);
        Assert.Equal(SerialLinkState.Disconnected, lost.State);
        Assert.Contains("driver bug for the test", lost.Reason, StringComparison.Ordinal);

        clock.Advance(lost.RetryIn!.Value);
        Assert.Equal(SerialLinkState.Connected, (await changes.ReadAsync(timeout.Token)).State);
        Assert.Equal(2, Volatile.Read(ref opened));
        await stop.CancelAsync();
        await running.WaitAsync(timeout.Token);
    }

    [Fact]
    public void A_minimum_delay_longer_than_the_maximum_is_refused_naming_both()
    {
        var transport = new StreamSerialTransport("test port", _ => ValueTask.FromResult<Stream>(new MemoryStream()));
        var options = new SerialSupervisorOptions { ReconnectMinDelay = TimeSpan.FromSeconds(30), ReconnectMaxDelay = TimeSpan.FromSeconds(5) };

        var error = Assert.Throws<ArgumentException>(() => new SerialPortSupervisor(transport, options, TimeProvider.System));

        Assert.Contains("ReconnectMinDelay", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReconnectMaxDelay", error.Message, StringComparison.Ordinal);
    }

    private static ChannelReader<SerialLinkStatusChangedEventArgs> Watch(SerialPortSupervisor supervisor)
    {
        var channel = Channel.CreateUnbounded<SerialLinkStatusChangedEventArgs>();
        supervisor.StatusChanged += (_, change) =>
        {
            if (change.State != SerialLinkState.Stopped)
            {
                channel.Writer.TryWrite(change);
            }
        };
        return channel.Reader;
    }
}
