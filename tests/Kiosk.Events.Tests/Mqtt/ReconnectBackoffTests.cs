using Kiosk.Events.Mqtt;
using Kiosk.Events.Options;

namespace Kiosk.Events.Tests.Mqtt;

public sealed class ReconnectBackoffTests
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 8, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_wait_doubles_up_to_the_cap_and_jitter_never_takes_it_past()
    {
        // The highest draw spreads every wait by +20 %; the cap must still hold.
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30), () => 0.999999);

        var waits = Enumerable.Range(0, 12).Select(_ => backoff.NextDelay()).ToArray();

        Assert.InRange(waits[0], TimeSpan.FromSeconds(1.19), TimeSpan.FromSeconds(1.2));
        Assert.InRange(waits[1], TimeSpan.FromSeconds(2.39), TimeSpan.FromSeconds(2.4));
        Assert.All(waits[2..], wait => Assert.Equal(TimeSpan.FromSeconds(4), wait));
    }

    [Fact]
    public void The_lowest_draw_spreads_each_wait_down_by_a_fifth()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30), () => 0);

        Assert.Equal([TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(3.2), TimeSpan.FromSeconds(3.2)],
            Enumerable.Range(0, 4).Select(_ => backoff.NextDelay()));
    }

    [Fact]
    public void A_connection_that_held_starts_the_waits_over()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30), () => 0.5);
        for (var failure = 0; failure < 6; failure++)
        {
            backoff.NextDelay();
        }

        backoff.Connected(s_start);
        backoff.Lost(s_start.AddMinutes(10));

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.NextDelay());
    }

    [Fact]
    public void A_broker_that_drops_the_kiosk_at_once_keeps_the_wait_growing()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30), () => 0.5);
        backoff.NextDelay();
        backoff.NextDelay();

        backoff.Connected(s_start);
        backoff.Lost(s_start.AddSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(4), backoff.NextDelay());
    }

    [Fact]
    public void With_the_shipped_defaults_events_are_tried_again_within_5_s_of_the_broker_s_return_however_long_it_was_down()
    {
        // The worst case: the broker comes back just after an attempt failed, after a day of failures, at the highest draw.
        var defaults = new MqttConnectionOptions();
        var backoff = new ReconnectBackoff(defaults.ReconnectMinDelay, defaults.ReconnectMaxDelay, defaults.ReconnectResetAfter, () => 0.999999);

        var longest = Enumerable.Range(0, 24 * 3600).Select(_ => backoff.NextDelay()).Max();

        Assert.True(longest < TimeSpan.FromSeconds(5), $"the longest wait is {longest}");
        Assert.True(defaults.ReconnectResetAfter > TimeSpan.Zero, "a broker that drops the kiosk at once must not be retried at the shortest wait forever");
    }
}
