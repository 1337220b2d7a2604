using Kiosk.Devices.Rfid;
using Kiosk.Protocols.Readers;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Devices.Tests.Rfid;

public sealed class TagPresenceTrackerTests
{
    private static readonly TransponderUid First = new(0xE004_0150_0000_0001);
    private static readonly TransponderUid Second = new(0xE004_0150_0000_0002);
    private static readonly TransponderUid Third = new(0xE004_0150_0000_0003);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-24T09:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Each_book_of_a_stack_arrives_on_the_poll_that_first_sees_it()
    {
        var tracker = new TagPresenceTracker(new TagPresenceOptions(), _time);

        var one = tracker.Update(1, [First]);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        var two = tracker.Update(1, [First, Second]);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        var three = tracker.Update(1, [First, Second, Third]);

        Assert.Equal([First], one.Select(c => c.Uid));
        Assert.Equal([Second], two.Select(c => c.Uid));
        Assert.Equal([Third], three.Select(c => c.Uid));
        Assert.All(one.Concat(two).Concat(three), c => Assert.Equal(TagPresenceChangeKind.Arrived, c.Kind));
        Assert.Equal(3, tracker.Present.Count);
    }

    [Fact]
    public void A_tag_missed_by_one_poll_in_a_stack_does_not_leave()
    {
        var tracker = new TagPresenceTracker(new TagPresenceOptions { DepartureGrace = TimeSpan.FromSeconds(1.5) }, _time);
        tracker.Update(1, [First, Second]);

        _time.Advance(TimeSpan.FromMilliseconds(200));
        var missed = tracker.Update(1, [First]);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        var back = tracker.Update(1, [First, Second]);

        Assert.Empty(missed);
        Assert.Empty(back);
        Assert.Equal(2, tracker.Present.Count);
    }

    [Fact]
    public void A_lifted_book_leaves_once_the_grace_time_has_passed()
    {
        var tracker = new TagPresenceTracker(new TagPresenceOptions { DepartureGrace = TimeSpan.FromSeconds(1) }, _time);
        tracker.Update(1, [First, Second]);

        _time.Advance(TimeSpan.FromMilliseconds(900));
        var early = tracker.Update(1, [First]);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        var late = tracker.Update(1, [First]);

        Assert.Empty(early);
        var left = Assert.Single(late);
        Assert.Equal(TagPresenceChangeKind.Left, left.Kind);
        Assert.Equal(Second, left.Uid);
    }

    [Fact]
    public void A_tag_that_only_brushes_a_gate_antenna_is_not_announced_when_confirmations_are_required()
    {
        var tracker = new TagPresenceTracker(new TagPresenceOptions { ArrivalConfirmations = 2, DepartureGrace = TimeSpan.Zero }, _time);

        var brush = tracker.Update(3, [First]);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var gone = tracker.Update(3, []);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var firstSight = tracker.Update(3, [Second]);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var confirmed = tracker.Update(3, [Second]);

        Assert.Empty(brush);
        Assert.Empty(gone);
        Assert.Empty(firstSight);
        Assert.Equal(Second, Assert.Single(confirmed).Uid);
    }

    [Fact]
    public void Antennas_are_tracked_apart()
    {
        var tracker = new TagPresenceTracker(new TagPresenceOptions { DepartureGrace = TimeSpan.Zero }, _time);
        tracker.Update(1, [First]);

        var other = tracker.Update(2, [First]);
        var leftOne = tracker.Update(1, []);

        Assert.Equal(2, Assert.Single(other).Antenna);
        Assert.Equal(1, Assert.Single(leftOne).Antenna);
        Assert.Single(tracker.Present);
    }

    [Fact]
    public void Clearing_an_antenna_reports_each_present_tag_as_left()
    {
        var tracker = new TagPresenceTracker(new TagPresenceOptions(), _time);
        tracker.Update(1, [First, Second]);

        var cleared = tracker.Clear(1);

        Assert.Equal(2, cleared.Count);
        Assert.All(cleared, c => Assert.Equal(TagPresenceChangeKind.Left, c.Kind));
        Assert.Empty(tracker.Present);
    }
}
