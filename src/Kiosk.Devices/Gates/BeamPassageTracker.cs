namespace Kiosk.Devices.Gates;

/// <summary>
/// Tells passages and their direction from the debounced beam changes. Each person blocks the beam they reach first
/// (the leader) and then the other one (the follower); a passage counts when the follower clears after the leader has
/// cleared. Leaders are matched to followers oldest first, so two people walking close together, whose blocks overlap
/// across the two beams, count as two. Not thread-safe: the controller serialises calls.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A walker who turns back before the second beam (leader clears with no follower) is not counted, nor one who
/// reaches the second beam and backs out (follower clears while the leader is still blocked).</item>
/// <item>Two people with no gap between them on either beam look like one long body: no beam pair can tell them apart.</item>
/// <item>A leader whose follower has not come within the passage timeout after it cleared is forgotten.</item>
/// </list>
/// </remarks>
internal sealed class BeamPassageTracker(TimeSpan passageTimeout)
{
    private readonly List<BeamBlock> _leaders = [];
    private readonly BeamBlock?[] _open = new BeamBlock?[2];
    private (GateDirection Direction, DateTimeOffset At) _lastCounted;

    /// <summary>A beam was blocked at <paramref name="at"/>.</summary>
    public void Blocked(GateBeam beam, DateTimeOffset at)
    {
        _leaders.RemoveAll(leader => leader.Follower is null && leader.End is { } end && at - end > passageTimeout);
        var block = new BeamBlock(beam);
        var leader = _leaders.Find(candidate => candidate.Beam != beam && candidate.Follower is null);
        if (leader is null)
        {
            _leaders.Add(block);
        }
        else
        {
            leader.Follower = block;
            block.Leader = leader;
        }

        _open[(int)beam] = block;
    }

    /// <summary>A beam cleared at <paramref name="at"/>; returns the direction of a passage this completes, if any.</summary>
    public GateDirection? Cleared(GateBeam beam, DateTimeOffset at)
    {
        var block = _open[(int)beam];
        _open[(int)beam] = null;
        if (block is null)
        {
            return null;
        }

        block.End = at;
        if (block.Leader is { } leader)
        {
            if (leader.End is null)
            {
                // Reached the second beam and backed out while still in the first: not through yet.
                leader.Follower = null;
                return null;
            }

            _leaders.Remove(leader);
            var direction = leader.Beam == GateBeam.Outer ? GateDirection.In : GateDirection.Out;
            _lastCounted = (direction, at);
            return direction;
        }

        if (block.Follower is null)
        {
            // Turned back before the second beam.
            _leaders.Remove(block);
        }

        return null;
    }

    /// <summary>
    /// The direction of the oldest passage in progress; else that of a passage completed within the passage timeout;
    /// else unknown.
    /// </summary>
    public GateDirection CurrentDirection(DateTimeOffset at)
    {
        if (_leaders.Count > 0)
        {
            return _leaders[0].Beam == GateBeam.Outer ? GateDirection.In : GateDirection.Out;
        }

        return _lastCounted.Direction != GateDirection.Unknown && at - _lastCounted.At <= passageTimeout ? _lastCounted.Direction : GateDirection.Unknown;
    }

    /// <summary>Forgets every passage in progress (a beam got stuck: what it saw is not people).</summary>
    public void Reset()
    {
        _leaders.Clear();
        _open[0] = null;
        _open[1] = null;
    }
}
