using Kiosk.Devices.Gates;
using Kiosk.Simulators.Rfid;

namespace Kiosk.Simulators.Gates;

/// <summary>The walk-through scenarios the gate is tested and benchmarked with. Items are the ILS simulator's samples.</summary>
public static class WalkScenarios
{
    private const string Owner = "VN-HN-TVHN";

    /// <summary>One person walking out at <paramref name="speed"/> with <paramref name="tags"/>.</summary>
    public static IReadOnlyList<Walker> OneWalker(double speed, IReadOnlyList<SimulatedTag> tags, GateDirection direction = GateDirection.Out) =>
        [new Walker(speed, direction, tags)];

    /// <summary>
    /// Two people walking the same way at <paramref name="speed"/>, the second <paramref name="gap"/> metres of free
    /// space behind the first (front of the second to the back of the first).
    /// </summary>
    public static IReadOnlyList<Walker> TwoClose(double speed, GateGeometry geometry, double gap = 0.05, GateDirection direction = GateDirection.Out)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var headway = TimeSpan.FromSeconds((geometry.BodyDepth + gap) / speed);
        return [new Walker(speed, direction, []), new Walker(speed, direction, [], headway)];
    }

    /// <summary>A person who walks in far enough to break both beams, then turns and leaves the way they came.</summary>
    public static IReadOnlyList<Walker> TurnBack(double speed, IReadOnlyList<SimulatedTag> tags, GateDirection direction = GateDirection.Out) =>
        [new Walker(speed, direction, tags, TurnBackAt: 0.0)];

    /// <summary>
    /// A trolley of <paramref name="loaned"/> loaned books and one secured one (<paramref name="securedItemId"/>), pushed
    /// out at <paramref name="speed"/>.
    /// </summary>
    public static (IReadOnlyList<Walker> Walkers, SimulatedTag Secured) Trolley(double speed, int loaned = 20, string securedItemId = "TV0001", SecurityAfi? afi = null)
    {
        var tags = Enumerable.Range(1, loaned)
            .Select(number => LibraryTagFactory.CreateItem("TL" + number.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), Owner, secured: false, afi: afi))
            .ToList();
        var secured = LibraryTagFactory.CreateItem(securedItemId, Owner, secured: true, afi: afi);
        tags.Insert(loaned / 2, secured);
        return ([new Walker(speed, GateDirection.Out, tags)], secured);
    }
}
