using Kiosk.Devices.Gates;
using Kiosk.Simulators.Gates;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Devices.Tests.Gates;

/// <summary>
/// Which passage an alarm belongs to and when its direction is known: the walk-through simulator's beam timings fed
/// straight into <see cref="BeamPassageTracker"/>, with the alarm claimed where a poll would see the tag.
/// </summary>
public sealed class AlarmDirectionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    // A poll sees a tag up to a poll period after it entered the field; 60 ms puts the alarm before the first beam at 1.4 m/s.
    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(60);

    [Theory]
    [InlineData(GateDirection.Out, 1.4)]
    [InlineData(GateDirection.In, 1.4)]
    [InlineData(GateDirection.Out, 0.5)]
    public void An_alarm_before_any_beam_broke_gets_the_direction_its_walker_is_counted_with(GateDirection direction, double speed)
    {
        var walkers = WalkScenarios.OneWalker(speed, [Secured()], direction);

        var (claim, resolvedAt) = Play(walkers, walkers[0]);

        Assert.Equal(direction, Resolved(claim));
        var counted = WalkThroughSimulator.Plan(walkers, new GateGeometry()).Last(step => step.Kind == WalkStepKind.BeamCleared);
        Assert.Equal(Start + counted.At, resolvedAt);
    }

    [Fact]
    public void The_second_of_two_close_walkers_carrying_the_book_gets_their_common_direction()
    {
        var close = WalkScenarios.TwoClose(1.4, new GateGeometry(), gap: 0.05);
        IReadOnlyList<Walker> walkers = [close[0], close[1] with { Tags = [Secured()] }];

        var (claim, _) = Play(walkers, walkers[1]);

        Assert.Equal(GateDirection.Out, Resolved(claim));
    }

    [Fact]
    public void A_trolley_pushed_out_slowly_gets_Out()
    {
        var (walkers, _) = WalkScenarios.Trolley(0.8);

        var (claim, _) = Play(walkers, walkers[0]);

        Assert.Equal(GateDirection.Out, Resolved(claim));
    }

    [Fact]
    public void A_walker_who_turns_back_leaves_the_direction_unknown_as_soon_as_they_are_out_of_the_beams()
    {
        var walkers = WalkScenarios.TurnBack(1.4, [Secured()]);

        var (claim, resolvedAt) = Play(walkers, walkers[0]);

        // Not counted, so no direction; known when the first beam clears behind them, not at the end of the wait.
        Assert.Equal(GateDirection.Unknown, Resolved(claim));
        var lastClear = WalkThroughSimulator.Plan(walkers, new GateGeometry()).Last(step => step.Kind == WalkStepKind.BeamCleared);
        Assert.Equal(Start + lastClear.At, resolvedAt);
    }

    [Fact]
    public void A_tag_seen_just_after_its_walker_was_counted_takes_that_passage_when_nobody_else_comes()
    {
        var tracker = new BeamPassageTracker(TimeSpan.FromSeconds(5));
        tracker.Blocked(GateBeam.Outer, Start);
        tracker.Blocked(GateBeam.Inner, Start.AddMilliseconds(150));
        tracker.Cleared(GateBeam.Outer, Start.AddMilliseconds(250));
        tracker.Cleared(GateBeam.Inner, Start.AddMilliseconds(400));

        var claim = tracker.Claim(Start.AddMilliseconds(500));
        Assert.False(claim.Direction.IsCompleted);
        tracker.Expire(claim);

        Assert.Equal(GateDirection.In, Resolved(claim));
    }

    [Fact]
    public void An_alarm_just_after_someone_walked_in_takes_the_next_walker_s_way_out_not_the_way_in_before()
    {
        // Someone walks in; 300 ms after they are counted, the next walker's secured book enters the field on the way out.
        var tracker = new BeamPassageTracker(TimeSpan.FromSeconds(5));
        tracker.Blocked(GateBeam.Outer, Start);
        tracker.Blocked(GateBeam.Inner, Start.AddMilliseconds(150));
        tracker.Cleared(GateBeam.Outer, Start.AddMilliseconds(250));
        Assert.Equal(GateDirection.In, tracker.Cleared(GateBeam.Inner, Start.AddMilliseconds(400)));

        var claim = tracker.Claim(Start.AddMilliseconds(700));
        tracker.Blocked(GateBeam.Inner, Start.AddMilliseconds(780));
        tracker.Blocked(GateBeam.Outer, Start.AddMilliseconds(930));
        tracker.Cleared(GateBeam.Inner, Start.AddMilliseconds(1_000));
        Assert.Equal(GateDirection.Out, tracker.Cleared(GateBeam.Outer, Start.AddMilliseconds(1_150)));

        Assert.Equal(GateDirection.Out, Resolved(claim));
    }

    [Fact]
    public void An_alarm_with_nobody_in_the_beams_waits_for_the_next_passage_and_is_unknown_if_it_expires()
    {
        var tracker = new BeamPassageTracker(TimeSpan.FromSeconds(5));
        var claim = tracker.Claim(Start);

        Assert.False(claim.Direction.IsCompleted);
        tracker.Expire(claim);

        Assert.Equal(GateDirection.Unknown, Resolved(claim));

        // An expired claim is forgotten: a later passage does not touch it.
        tracker.Blocked(GateBeam.Inner, Start.AddSeconds(1));
        tracker.Blocked(GateBeam.Outer, Start.AddSeconds(1.1));
        tracker.Cleared(GateBeam.Inner, Start.AddSeconds(1.2));
        Assert.Equal(GateDirection.Out, tracker.Cleared(GateBeam.Outer, Start.AddSeconds(1.3)));
        Assert.Equal(GateDirection.Unknown, Resolved(claim));
    }

    [Fact]
    public void A_beam_reset_for_being_stuck_leaves_waiting_alarms_unknown_at_once()
    {
        var tracker = new BeamPassageTracker(TimeSpan.FromSeconds(5));
        tracker.Blocked(GateBeam.Outer, Start);
        var claim = tracker.Claim(Start.AddMilliseconds(100));

        tracker.Reset();

        Assert.Equal(GateDirection.Unknown, Resolved(claim));
    }

    private static SimulatedTag Secured() => LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN", secured: true);

    private static GateDirection Resolved(AlarmDirectionClaim claim)
    {
        Assert.True(claim.Direction.IsCompleted, "the claim should be resolved by now");
        return claim.Direction.Result;
    }

    /// <summary>
    /// Plays the walk's beam steps into a tracker, claiming the alarm <see cref="PollDelay"/> after <paramref name="carrier"/>'s
    /// tags entered the field; returns the claim and the time of the step that resolved it.
    /// </summary>
    private static (AlarmDirectionClaim Claim, DateTimeOffset? ResolvedAt) Play(IReadOnlyList<Walker> walkers, Walker carrier)
    {
        var tracker = new BeamPassageTracker(TimeSpan.FromSeconds(5));
        var plan = WalkThroughSimulator.Plan(walkers, new GateGeometry());
        var alarmAt = plan.First(step => step.Kind == WalkStepKind.TagsEnterField && step.Walker == carrier).At + PollDelay;
        AlarmDirectionClaim? claim = null;
        DateTimeOffset? resolvedAt = null;
        foreach (var step in plan)
        {
            if (claim is null && step.At >= alarmAt)
            {
                claim = tracker.Claim(Start + alarmAt);
            }

            var at = Start + step.At;
            if (step.Kind == WalkStepKind.BeamBlocked)
            {
                tracker.Blocked(step.Beam!.Value, at);
            }
            else if (step.Kind == WalkStepKind.BeamCleared)
            {
                tracker.Cleared(step.Beam!.Value, at);
            }

            if (claim is not null && resolvedAt is null && claim.Direction.IsCompleted)
            {
                resolvedAt = at;
            }
        }

        return (claim ?? throw new InvalidOperationException("The walk ended before the alarm."), resolvedAt);
    }
}
