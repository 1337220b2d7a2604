using System.Device.Gpio;
using Kiosk.Devices.Gates;
using Kiosk.Simulators.Gates;

namespace Kiosk.Devices.Tests.Gates;

/// <summary>Direction, counting, debounce and stuck beams, on the simulated GPIO chip and a fake clock.</summary>
public sealed class GateBeamTests
{
    [Theory]
    [InlineData(GateDirection.In, 1.4)]
    [InlineData(GateDirection.Out, 1.4)]
    [InlineData(GateDirection.In, 2.5)]
    [InlineData(GateDirection.Out, 0.6)]
    public async Task The_order_the_beams_break_in_tells_the_direction(GateDirection direction, double speed)
    {
        await using var gate = BeamGate.Open();

        gate.Walk([new Walker(speed, direction, [])]);

        var counted = Assert.Single(gate.Drain().OfType<GatePassageCounted>());
        Assert.Equal(direction, counted.Direction);
        Assert.Equal(direction == GateDirection.In ? new GatePassageCounts(1, 0) : new GatePassageCounts(0, 1), gate.Gate.Counts);
    }

    [Fact]
    public async Task Two_people_walking_close_together_are_counted_as_two()
    {
        await using var gate = BeamGate.Open();

        // 5 cm between them: each beam sees a short gap, but their blocks overlap across the two beams.
        gate.Walk(WalkScenarios.TwoClose(1.4, new GateGeometry(), gap: 0.05));

        Assert.Equal([GateDirection.Out, GateDirection.Out], gate.Drain().OfType<GatePassageCounted>().Select(c => c.Direction));
        Assert.Equal(new GatePassageCounts(0, 2), gate.Gate.Counts);
    }

    [Fact]
    public async Task A_walker_who_breaks_both_beams_and_turns_back_is_not_counted()
    {
        await using var gate = BeamGate.Open();

        gate.Walk(WalkScenarios.TurnBack(1.4, []));

        Assert.Empty(gate.Drain().OfType<GatePassageCounted>());
        Assert.Equal(new GatePassageCounts(0, 0), gate.Gate.Counts);

        // The gate is not left confused: the next walker counts.
        gate.Walk([new Walker(1.4, GateDirection.In, [])]);
        Assert.Equal(new GatePassageCounts(1, 0), gate.Gate.Counts);
    }

    [Fact]
    public async Task Beam_chatter_shorter_than_the_debounce_is_not_a_passage()
    {
        await using var gate = BeamGate.Open();

        // Without debouncing this is outer, inner, outer clear, inner clear: an "in" passage in 8 ms.
        foreach (var (pin, level) in new[] { (GatePins.Outer, PinValue.High), (GatePins.Inner, PinValue.High), (GatePins.Outer, PinValue.Low), (GatePins.Inner, PinValue.Low) })
        {
            gate.Driver.SetInput(pin, level);
            gate.Time.Advance(TimeSpan.FromMilliseconds(2));
        }

        gate.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(gate.Drain().OfType<GatePassageCounted>());

        // A level that holds past the debounce does count: the same sequence at a walker's pace.
        foreach (var (pin, level) in new[] { (GatePins.Outer, PinValue.High), (GatePins.Inner, PinValue.High), (GatePins.Outer, PinValue.Low), (GatePins.Inner, PinValue.Low) })
        {
            gate.Driver.SetInput(pin, level);
            gate.Time.Advance(TimeSpan.FromMilliseconds(60));
        }

        Assert.Equal(GateDirection.In, Assert.Single(gate.Drain().OfType<GatePassageCounted>()).Direction);
    }

    [Fact]
    public async Task A_bouncing_edge_within_a_passage_does_not_add_a_count()
    {
        await using var gate = BeamGate.Open();
        gate.Driver.SetInput(GatePins.Inner, PinValue.High);
        gate.Time.Advance(TimeSpan.FromMilliseconds(100));

        // A swinging bag strap: the outer beam flickers clear and blocked while the inner one is still blocked.
        gate.Driver.SetInput(GatePins.Outer, PinValue.High);
        gate.Time.Advance(TimeSpan.FromMilliseconds(50));
        for (var i = 0; i < 5; i++)
        {
            gate.Driver.SetInput(GatePins.Outer, PinValue.Low);
            gate.Time.Advance(TimeSpan.FromMilliseconds(3));
            gate.Driver.SetInput(GatePins.Outer, PinValue.High);
            gate.Time.Advance(TimeSpan.FromMilliseconds(3));
        }

        gate.Time.Advance(TimeSpan.FromMilliseconds(50));
        gate.Driver.SetInput(GatePins.Inner, PinValue.Low);
        gate.Time.Advance(TimeSpan.FromMilliseconds(100));
        gate.Driver.SetInput(GatePins.Outer, PinValue.Low);
        gate.Time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(new GatePassageCounts(0, 1), gate.Gate.Counts);
    }

    [Fact]
    public async Task A_beam_blocked_too_long_is_reported_naming_its_pin_and_recovers_when_it_clears()
    {
        await using var gate = BeamGate.Open();

        gate.Driver.SetInput(GatePins.Outer, PinValue.High);

        // FakeTimeProvider moves the clock to the end of an Advance before it fires the timers due on the way, so the
        // debounce is let through first and the stuck timeout then runs from the settled edge.
        gate.Time.Advance(gate.Options.BeamDebounce);
        gate.Time.Advance(gate.Options.StuckBeamTimeout - TimeSpan.FromSeconds(1));
        Assert.Empty(gate.Drain().OfType<GateFault>());

        gate.Time.Advance(TimeSpan.FromSeconds(2));
        var fault = Assert.Single(gate.Drain().OfType<GateFault>());
        Assert.Equal(GateFaultKind.BeamStuck, fault.Kind);
        Assert.Contains("outer beam (outerBeam, GPIO 23)", fault.Detail, StringComparison.Ordinal);

        // A person passing the inner beam meanwhile is not taken for the end of a passage that began with the stuck beam.
        gate.Driver.SetInput(GatePins.Inner, PinValue.High);
        gate.Time.Advance(TimeSpan.FromMilliseconds(200));
        gate.Driver.SetInput(GatePins.Outer, PinValue.Low);
        gate.Time.Advance(TimeSpan.FromMilliseconds(200));
        gate.Driver.SetInput(GatePins.Inner, PinValue.Low);
        gate.Time.Advance(TimeSpan.FromMilliseconds(200));

        var events = gate.Drain();
        Assert.Equal(GateFaultKind.BeamStuck, Assert.Single(events.OfType<GateFaultCleared>()).Kind);
        Assert.Empty(events.OfType<GatePassageCounted>());

        gate.Walk([new Walker(1.4, GateDirection.Out, [])]);
        Assert.Equal(new GatePassageCounts(0, 1), gate.Gate.Counts);
    }

    [Fact]
    public async Task Counts_survive_a_restart_and_are_published_every_period()
    {
        var countFile = Path.Combine(Path.GetTempPath(), "gate-counts-" + Guid.NewGuid() + ".json");
        try
        {
            await using (var first = BeamGate.Open(countFile))
            {
                first.Walk([new Walker(1.4, GateDirection.In, [])]);
                first.Walk([new Walker(1.4, GateDirection.In, [])]);
                first.Walk([new Walker(1.4, GateDirection.Out, [])]);
            }

            Assert.False(File.Exists(countFile + ".tmp"));
            await using var second = BeamGate.Open(countFile);
            Assert.Equal(new GatePassageCounts(2, 1), second.Gate.Counts);

            second.Walk([new Walker(1.4, GateDirection.Out, [])]);
            second.Drain();
            second.Time.Advance(second.Options.CountPublishPeriod);

            var published = Assert.Single(second.Drain().OfType<GateCountsPublished>());
            Assert.Equal((2, 2), (published.TotalIn, published.TotalOut));
            Assert.Contains("\"out\":2", File.ReadAllText(countFile), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(countFile);
        }
    }

    [Fact]
    public async Task A_damaged_count_file_stops_the_gate_with_the_way_to_recover()
    {
        var countFile = Path.Combine(Path.GetTempPath(), "gate-counts-" + Guid.NewGuid() + ".json");
        await File.WriteAllTextAsync(countFile, "{\"in\": ");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => BeamGate.Open(countFile));

            Assert.Contains("delete it to count from zero", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(countFile);
        }
    }
}
