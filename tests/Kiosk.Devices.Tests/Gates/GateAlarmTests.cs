using System.Device.Gpio;
using Kiosk.Devices.Gates;
using Kiosk.Devices.Rfid;
using Kiosk.Protocols.Tags;
using Kiosk.Simulators.Gates;
using Kiosk.Simulators.Rfid;

using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Devices.Tests.Gates;

/// <summary>The alarm path end to end: FEIG reader simulator on a real pty, the real driver, the simulated GPIO chip.</summary>
public sealed class GateAlarmTests
{
    private const string Owner = "VN-HN-TVHN";

    [Fact]
    public async Task A_secured_book_walking_out_switches_light_buzzer_and_relay_on_and_its_item_id_follows()
    {
        await using var gate = await AlarmGate.StartAsync();
        using var timeout = TestTimeouts.Start();
        var book = LibraryTagFactory.CreateItem("TV0001", Owner, secured: true);

        var walk = gate.Walks.PlayAsync(WalkThroughSimulator.Plan(WalkScenarios.OneWalker(1.4, [book]), new GateGeometry()), timeout.Token);
        var raised = await gate.NextAsync<GateAlarmRaised>(timeout.Token);

        // Light and buzzer are active-low, the relay active-high (GatePins).
        Assert.Equal(PinValue.Low, gate.Driver.LevelOf(GatePins.Light));
        Assert.Equal(PinValue.Low, gate.Driver.LevelOf(GatePins.Buzzer));
        Assert.Equal(PinValue.High, gate.Driver.LevelOf(GatePins.Relay));
        Assert.Equal(book.Uid, raised.Uid);
        Assert.Equal(1, raised.Antenna);
        Assert.Equal(GateDetectionMethod.AfiInventory, raised.Method);
        Assert.NotEqual(GateDirection.In, raised.Direction);

        // The item event waits for the walker's passage: it comes after the count, with its direction.
        var read = await gate.NextAsync<GateAlarmItemRead>(timeout.Token);
        Assert.Equal((raised.AlarmId, "TV0001", (string?)null, 1, GateDirection.Out), (read.AlarmId, read.ItemId, read.Problem, read.Antenna, read.Direction));
        Assert.Equal(new GatePassageCounts(0, 1), gate.Gate.Counts);

        // Only the blocks the item id needs were read, not the whole tag.
        Assert.Equal([$"blocks 0+{GateController.ItemIdBlocks}"], gate.Reader.Reads);

        await walk;

        // The alarm runs out by itself once the book has gone: outputs back to their off levels. They are written one
        // after the other, so wait for each rather than look at the others the moment the light goes off.
        await gate.Driver.WaitForOutputAsync(GatePins.Light, PinValue.High, timeout.Token);
        await gate.Driver.WaitForOutputAsync(GatePins.Buzzer, PinValue.High, timeout.Token);
        await gate.Driver.WaitForOutputAsync(GatePins.Relay, PinValue.Low, timeout.Token);
    }

    [Theory]
    [InlineData(GateDirection.Out)]
    [InlineData(GateDirection.In)]
    public async Task The_alarm_event_of_one_walker_carries_the_direction_they_walked(GateDirection direction)
    {
        await using var gate = await AlarmGate.StartAsync();
        using var timeout = TestTimeouts.Start();
        var book = LibraryTagFactory.CreateItem("TV0002", Owner, secured: true);

        var walk = gate.Walks.PlayAsync(WalkThroughSimulator.Plan(WalkScenarios.OneWalker(1.4, [book], direction), new GateGeometry()), timeout.Token);
        var read = await gate.NextAsync<GateAlarmItemRead>(timeout.Token);
        await walk;

        Assert.Equal((book.Uid, "TV0002", direction), (read.Uid, read.ItemId, read.Direction));
    }

    [Fact]
    public async Task A_tag_whose_item_id_is_not_in_its_first_blocks_is_read_whole_and_still_named()
    {
        // An alarm held longer than any read: on a loaded machine the 400 ms default can lapse during the whole-tag read,
        // and the tag, still in the field, alarms (and is read) again.
        await using var gate = await AlarmGate.StartAsync(alarmDuration: TimeSpan.FromMinutes(1));
        using var timeout = TestTimeouts.Start();

        // ISO 28560-2 with a long shelf location ahead of the owner: the first nine blocks end inside a data set.
        var item = new LibraryItemTag { PrimaryItemId = "TV0009", OwnerInstitution = Owner, ShelfLocation = "Kho mở, tầng 3, giá 12, ngăn 4 — sách tham khảo", TypeOfUsage = TypeOfUsage.Circulating };
        var memory = LibraryTagCodec.Encode(item, LibraryTagModel.Iso28560Part2);
        Assert.True(memory.Length > 4 * GateController.ItemIdBlocks);
        var tag = new SimulatedTag(LibraryTagFactory.UidFor("TV0009"), blockSize: 4, blockCount: Math.Max(SimulatedTag.IcodeSlixBlockCount, (memory.Length + 3) / 4)) { Dsfid = TagMemory.Iso28560Part2Dsfid };
        tag.WriteMemory(0, memory);
        tag.SetAfi(SecurityAfi.Common.Secured);
        gate.Rig.Field.Place(tag, antenna: 1);

        var read = await gate.NextAsync<GateAlarmItemRead>(timeout.Token);

        Assert.Equal(("TV0009", (string?)null), (read.ItemId, read.Problem));
        Assert.Equal([$"blocks 0+{GateController.ItemIdBlocks}", "whole tag"], gate.Reader.Reads);
    }

    [Fact]
    public async Task The_light_goes_on_before_the_walker_reaches_a_beam_and_the_alarm_event_still_says_Out()
    {
        await using var gate = await AlarmGate.StartAsync();
        using var timeout = TestTimeouts.Start();
        var book = LibraryTagFactory.CreateItem("TV0004", Owner, secured: true);

        // At 0.4 m/s the tag is in the field 250 ms before the body reaches the first beam: two and a half poll periods.
        var plan = WalkThroughSimulator.Plan(WalkScenarios.OneWalker(0.4, [book]), new GateGeometry());
        var walk = gate.Walks.PlayAsync(plan, timeout.Token);
        var raised = await gate.NextAsync<GateAlarmRaised>(timeout.Token);
        var read = await gate.NextAsync<GateAlarmItemRead>(timeout.Token);
        var played = await walk;

        var lightOn = gate.Driver.OutputChanges.First(change => change.Pin == GatePins.Light && change.Value == PinValue.Low);
        var firstBeam = played.First(step => step.Step.Kind == WalkStepKind.BeamBlocked);
        Assert.True(lightOn.Timestamp < firstBeam.Timestamp, $"light on at {lightOn.Timestamp}, first beam blocked at {firstBeam.Timestamp}");
        Assert.Equal(GateDirection.Unknown, raised.Direction);
        Assert.Equal((raised.AlarmId, GateDirection.Out), (read.AlarmId, read.Direction));
    }

    [Fact]
    public async Task An_alarm_while_a_beam_is_stuck_publishes_its_item_at_once_with_an_unknown_direction()
    {
        // A wait far longer than the test's patience, so an event held for it would never arrive and the test would fail.
        await using var gate = await AlarmGate.StartAsync(configure: options =>
        {
            options.StuckBeamTimeout = TimeSpan.FromSeconds(1);
            options.AlarmDirectionWait = TimeSpan.FromHours(1);
        });
        using var timeout = TestTimeouts.Start();
        gate.Driver.SetInput(GatePins.Outer, PinValue.High);
        Assert.Equal(GateFaultKind.BeamStuck, (await gate.NextAsync<GateFault>(timeout.Token)).Kind);

        var book = LibraryTagFactory.CreateItem("TV0007", Owner, secured: true);
        gate.Rig.Field.Place(book, antenna: 2);
        var raised = await gate.NextAsync<GateAlarmRaised>(timeout.Token);
        var read = await gate.NextAsync<GateAlarmItemRead>(timeout.Token);

        // The light was switched on (its edge, not its level now: on a loaded machine the alarm time may be over).
        Assert.Contains(gate.Driver.OutputChanges, change => change.Pin == GatePins.Light && change.Value == PinValue.Low);
        Assert.Equal(("TV0007", GateDirection.Unknown, 2), (read.ItemId, read.Direction, read.Antenna));
        Assert.Equal(raised.AlarmId, read.AlarmId);
    }

    [Fact]
    public async Task A_blocked_beam_holds_the_alarm_event_no_longer_than_the_direction_wait()
    {
        // The gate runs on a clock only the test moves, so the wait is measured exactly, however loaded the machine.
        var wait = TimeSpan.FromMilliseconds(600);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        await using var gate = await AlarmGate.StartAsync(configure: options => options.AlarmDirectionWait = wait, gateTime: clock);
        using var timeout = TestTimeouts.Start();

        // Someone stands in the outer beam (not yet long enough to be a stuck beam): a passage that never finishes.
        gate.Driver.SetInput(GatePins.Outer, PinValue.High);
        clock.Advance(gate.Options.BeamDebounce);
        var book = LibraryTagFactory.CreateItem("TV0008", Owner, secured: true);
        gate.Rig.Field.Place(book, antenna: 1);
        var raised = await NextWhilePollingAsync<GateAlarmRaised>(gate, clock, timeout.Token);
        await WaitUntilAsync(() => gate.Reader.Reads.Count > 0, timeout.Token);

        clock.Advance(wait - TimeSpan.FromMilliseconds(1));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var read = await gate.NextAsync<GateAlarmItemRead>(timeout.Token);

        Assert.Equal(raised.AlarmId, read.AlarmId);
        Assert.Equal(GateDirection.Unknown, read.Direction);
        Assert.Equal(wait, read.At - raised.At);
    }

    /// <summary>Moves the gate's clock one poll interval at a time, each after the round before it ended, until a <typeparamref name="T"/>.</summary>
    private static async Task<T> NextWhilePollingAsync<T>(AlarmGate gate, FakeTimeProvider clock, CancellationToken cancellationToken)
        where T : GateEvent
    {
        var next = gate.NextAsync<T>(cancellationToken);
        while (!next.IsCompleted)
        {
            var rounds = gate.Gate.PollRounds;
            clock.Advance(gate.Rig.Profile.PollInterval);
            await WaitUntilAsync(() => gate.Gate.PollRounds > rounds || next.IsCompleted, cancellationToken);
        }

        return await next;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            // A short yield between looks at state the polling thread moves; the bound is the caller's token.
            await Task.Delay(10, cancellationToken);
        }
    }

    [Fact]
    public async Task A_loaned_book_walks_out_in_silence()
    {
        await using var gate = await AlarmGate.StartAsync();
        using var timeout = TestTimeouts.Start();
        var book = LibraryTagFactory.CreateItem("TV0003", Owner, secured: false);

        gate.Rig.Field.Place(book, antenna: 1);
        await gate.WaitForRoundsAsync(4, timeout.Token);

        // Four rounds of both antennas saw the loaned book and none answered the secured-AFI inventory.
        Assert.Equal(PinValue.High, gate.Driver.LevelOf(GatePins.Light));
        Assert.DoesNotContain(gate.Driver.OutputChanges, change => change.Pin == GatePins.Light && change.Value == PinValue.Low);
        Assert.False(gate.Events.TryPeek(out _));
        Assert.False(gate.Gate.IsAlarmOn);
    }

    [Fact]
    public async Task A_trolley_of_twenty_loaned_books_with_one_secured_alarms_for_that_one_only()
    {
        await using var gate = await AlarmGate.StartAsync();
        using var timeout = TestTimeouts.Start();
        var (walkers, secured) = WalkScenarios.Trolley(1.0);

        var walk = gate.Walks.PlayAsync(WalkThroughSimulator.Plan(walkers, new GateGeometry()), timeout.Token);
        var raised = await gate.NextAsync<GateAlarmRaised>(timeout.Token);
        await walk;
        await gate.WaitForRoundsAsync(2, timeout.Token);

        Assert.Equal(secured.Uid, raised.Uid);
        Assert.DoesNotContain(Drain(gate), e => e is GateAlarmRaised other && other.Uid != secured.Uid);
    }

    [Fact]
    public async Task The_alarm_stays_on_while_a_secured_book_stays_and_goes_off_one_alarm_time_after_it_left()
    {
        // 3 s: long enough that a starved machine's pause between two polls does not let the alarm run out (with a CPU
        // hog beside the tests, one reader exchange took over a second and its retry another, and a 1 s alarm lapsed).
        await using var gate = await AlarmGate.StartAsync(alarmDuration: TimeSpan.FromSeconds(3));
        using var timeout = TestTimeouts.Start();
        var book = LibraryTagFactory.CreateItem("TV0005", Owner, secured: true);

        gate.Rig.Field.Place(book, antenna: 2);
        await gate.Driver.WaitForOutputAsync(GatePins.Light, PinValue.Low, timeout.Token);

        // Two and a half alarm times' worth of rounds with the book still there: re-triggered each time, never switched off.
        var rounds = (int)(2.5 * gate.Options.AlarmDuration / gate.Rig.Profile.PollInterval);
        await gate.WaitForRoundsAsync(rounds, timeout.Token);
        var lightOn = gate.Driver.OutputChanges.Where(change => change.Pin == GatePins.Light && change.Value == PinValue.Low).ToList();
        var events = Drain(gate);
        Assert.True(lightOn.Count == 1, string.Join("; ", gate.Driver.OutputChanges.Select(c => $"{c.Pin}={c.Value}@{c.At:HH:mm:ss.fff}")) + " | " + string.Join("; ", events) + " | " + string.Join("; ", gate.ReaderLog.Lines));
        Assert.Single(events.OfType<GateAlarmRaised>());

        var removedAt = TimeProvider.System.GetUtcNow();
        gate.Rig.Field.Remove(book.Uid);
        var off = await WaitForChangeAsync(gate, GatePins.Light, PinValue.High, timeout.Token);
        var on = gate.Driver.OutputChanges.Single(change => change.Pin == GatePins.Light && change.Value == PinValue.Low);

        // On for longer than two alarm times (re-triggered), and off no earlier than one alarm time after the last poll
        // that could have seen the book (at most a poll period, plus its inventory, before it was taken away).
        Assert.True(off.At - on.At > 2 * gate.Options.AlarmDuration, $"on {on.At:O}, off {off.At:O}");
        var earliestOff = removedAt - gate.Rig.Profile.PollInterval - TimeSpan.FromMilliseconds(50) + gate.Options.AlarmDuration;
        Assert.True(off.At >= earliestOff, $"removed {removedAt:O}, off {off.At:O}");
    }

    [Fact]
    public async Task A_gate_set_to_EAS_alarms_on_an_EAS_tag_without_naming_it()
    {
        await using var gate = await AlarmGate.StartAsync(RfidSecurityMode.Eas);
        using var timeout = TestTimeouts.Start();

        // EAS set, AFI already "loaned": only the EAS alarm can see it.
        var book = LibraryTagFactory.CreateItem("TV0006", Owner, secured: false);
        book.IsEasSet = true;
        gate.Rig.Field.Place(book, antenna: 1);

        var raised = await gate.NextAsync<GateAlarmRaised>(timeout.Token);
        Assert.Equal((GateDetectionMethod.EasAlarm, (Kiosk.Protocols.Readers.TransponderUid?)null, 1), (raised.Method, raised.Uid, raised.Antenna));
        Assert.Equal(PinValue.Low, gate.Driver.LevelOf(GatePins.Light));
    }

    [Fact]
    public async Task A_gate_set_to_EAS_stays_silent_for_a_book_whose_EAS_bit_is_reset()
    {
        await using var gate = await AlarmGate.StartAsync(RfidSecurityMode.Eas);
        using var timeout = TestTimeouts.Start();
        var book = LibraryTagFactory.CreateItem("TV0006", Owner, secured: true);
        book.IsEasSet = false;
        gate.Rig.Field.Place(book, antenna: 1);

        await gate.WaitForRoundsAsync(4, timeout.Token);

        Assert.False(gate.Gate.IsAlarmOn);
        Assert.False(gate.Events.TryPeek(out _));
    }

    private static List<GateEvent> Drain(AlarmGate gate)
    {
        var events = new List<GateEvent>();
        while (gate.Events.TryRead(out var gateEvent))
        {
            events.Add(gateEvent);
        }

        return events;
    }

    private static async Task<GpioOutputChange> WaitForChangeAsync(AlarmGate gate, int pin, PinValue value, CancellationToken cancellationToken)
    {
        await gate.Driver.WaitForOutputAsync(pin, value, cancellationToken);
        return gate.Driver.OutputChanges.Last(change => change.Pin == pin && change.Value == value);
    }
}
