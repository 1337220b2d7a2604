using Kiosk.Devices.Gates;
using Kiosk.Simulators.Gates;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Simulators.Tests.Gates;

/// <summary>The walk plan follows from speed and geometry: beam order, block times, dwell in the field.</summary>
public sealed class WalkThroughSimulatorTests
{
    private static readonly GateGeometry Geometry = new() { BeamSpacing = 0.2, FieldDepth = 0.7, BodyDepth = 0.3 };

    [Theory]
    [InlineData(1.4)]
    [InlineData(2.5)]
    public void A_walker_blocks_each_beam_for_body_depth_over_speed_and_carries_the_tags_through_the_field_for_its_depth_over_speed(double speed)
    {
        var tag = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN");
        var plan = WalkThroughSimulator.Plan([new Walker(speed, GateDirection.Out, [tag])], Geometry);

        var inner = Stretch(plan, WalkStepKind.BeamBlocked, WalkStepKind.BeamCleared, GateBeam.Inner);
        var outer = Stretch(plan, WalkStepKind.BeamBlocked, WalkStepKind.BeamCleared, GateBeam.Outer);
        var field = Stretch(plan, WalkStepKind.TagsEnterField, WalkStepKind.TagsLeaveField, beam: null);

        Assert.Equal(0.3 / speed, (inner.To - inner.From).TotalSeconds, 6);
        Assert.Equal(0.3 / speed, (outer.To - outer.From).TotalSeconds, 6);
        Assert.Equal(0.7 / speed, (field.To - field.From).TotalSeconds, 6);

        // Going out, the inner (library-side) beam breaks first, the outer one 0.2 m later.
        Assert.Equal(0.2 / speed, (outer.From - inner.From).TotalSeconds, 6);
    }

    [Fact]
    public void A_walker_who_turns_back_clears_the_second_beam_before_the_first_and_leaves_the_field_the_way_they_came()
    {
        var tag = LibraryTagFactory.CreateItem("TV0001", "VN-HN-TVHN");
        var plan = WalkThroughSimulator.Plan(WalkScenarios.TurnBack(1.0, [tag], GateDirection.In), Geometry);

        var beams = plan.Where(s => s.Beam is not null).Select(s => (s.Kind, s.Beam!.Value)).ToList();

        // Body 0.3 m turning with its middle at the gate's middle: the outer beam (0.1 m before it) stays blocked
        // throughout, the inner one (0.1 m after it) is reached by the front of the body and left again.
        Assert.Equal(
            [(WalkStepKind.BeamBlocked, GateBeam.Outer), (WalkStepKind.BeamBlocked, GateBeam.Inner), (WalkStepKind.BeamCleared, GateBeam.Inner), (WalkStepKind.BeamCleared, GateBeam.Outer)],
            beams);
        Assert.Single(plan, s => s.Kind == WalkStepKind.TagsEnterField);
    }

    [Fact]
    public void Two_walkers_close_together_overlap_across_the_beams_but_leave_a_gap_on_each()
    {
        var plan = WalkThroughSimulator.Plan(WalkScenarios.TwoClose(1.4, Geometry, gap: 0.05), Geometry);

        var outer = plan.Where(s => s.Beam == GateBeam.Outer).ToList();
        Assert.Equal([WalkStepKind.BeamBlocked, WalkStepKind.BeamCleared, WalkStepKind.BeamBlocked, WalkStepKind.BeamCleared], outer.Select(s => s.Kind));
        Assert.Equal(0.05 / 1.4, (outer[2].At - outer[1].At).TotalSeconds, 6);

        // The second body reaches the first beam before the first body has cleared the second beam.
        var secondReachesFirstBeam = plan.Where(s => s.Beam == GateBeam.Inner && s.Kind == WalkStepKind.BeamBlocked).ElementAt(1).At;
        var firstClearsSecondBeam = outer[1].At;
        Assert.True(secondReachesFirstBeam < firstClearsSecondBeam);
    }

    private static (TimeSpan From, TimeSpan To) Stretch(IReadOnlyList<WalkStep> plan, WalkStepKind start, WalkStepKind end, GateBeam? beam) =>
        (plan.Single(s => s.Kind == start && s.Beam == beam).At, plan.Single(s => s.Kind == end && s.Beam == beam).At);
}
