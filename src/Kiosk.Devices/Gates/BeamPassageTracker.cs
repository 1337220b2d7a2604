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
/// <para><b>Alarm directions.</b> An alarm usually comes before its walker breaks a beam (the antennas' field reaches
/// further than the beams), so <see cref="Claim"/> does not answer at once: it binds the alarm to the oldest passage in
/// progress, or else to the next passage to start, and the claim resolves with that passage's counted direction. A
/// passage that ends uncounted (the walker turned back) hands its claims to the next passage already in progress, or
/// resolves them as Unknown; a reset (stuck beam) resolves every claim as Unknown. How long a claim may wait is the
/// caller's bound (<see cref="Expire"/>); a claim no passage came for by then takes a passage counted just before the
/// alarm (<see cref="CountedBeforeAlarm"/>), if there was one. The next passage is preferred to the one just before: in
/// a stream of people, the one just counted is usually someone else, possibly going the other way.</para>
/// </remarks>
internal sealed class BeamPassageTracker(TimeSpan passageTimeout)
{
    /// <summary>
    /// How long before an alarm a passage may have been counted and still be the alarm's. A tag carried at the back can
    /// first be seen after its walker cleared the second beam: the field reaches about 0.1 m beyond it (70 ms at
    /// 1.4 m/s), and the next inventory may be up to a poll period (100 ms) and its own 15 ms away. Half a second covers
    /// that. It is taken only when no passage came for the alarm within the wait: in a stream of people the passage
    /// just counted is usually the previous walker's, who may have gone the other way.
    /// </summary>
    internal static readonly TimeSpan CountedBeforeAlarm = TimeSpan.FromMilliseconds(500);

    private readonly List<BeamBlock> _leaders = [];
    private readonly List<AlarmDirectionClaim> _claims = [];
    private readonly BeamBlock?[] _open = new BeamBlock?[2];
    private (GateDirection Direction, DateTimeOffset At) _lastCounted;

    /// <summary>A beam was blocked at <paramref name="at"/>.</summary>
    public void Blocked(GateBeam beam, DateTimeOffset at)
    {
        foreach (var stale in _leaders.FindAll(leader => leader.Follower is null && leader.End is { } end && at - end > passageTimeout))
        {
            _leaders.Remove(stale);
            Abandoned(stale);
        }

        var block = new BeamBlock(beam);
        var leader = _leaders.Find(candidate => candidate.Beam != beam && candidate.Follower is null);
        if (leader is null)
        {
            _leaders.Add(block);

            // A new passage starts: alarms still waiting for one take it.
            foreach (var claim in _claims)
            {
                claim.Passage ??= block;
            }
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
            ResolveClaims(leader, direction);
            return direction;
        }

        if (block.Follower is null && _leaders.Remove(block))
        {
            // Turned back before the second beam (or after backing out of it): no passage, and no direction.
            Abandoned(block);
        }

        return null;
    }

    /// <summary>
    /// An alarm at <paramref name="at"/> asks for the direction of its passage: the oldest in progress, else the next to
    /// start; a passage counted within <see cref="CountedBeforeAlarm"/> before it is kept in reserve for <see cref="Expire"/>.
    /// </summary>
    public AlarmDirectionClaim Claim(DateTimeOffset at)
    {
        var claim = new AlarmDirectionClaim(at);
        if (_leaders.Count > 0)
        {
            claim.Passage = _leaders[0];
        }
        else if (_lastCounted.Direction != GateDirection.Unknown && at >= _lastCounted.At && at - _lastCounted.At <= CountedBeforeAlarm)
        {
            claim.CountedJustBefore = _lastCounted.Direction;
        }

        _claims.Add(claim);
        return claim;
    }

    /// <summary>
    /// The claim's wait ran out. If no passage came for it, it takes the one counted just before the alarm, if any;
    /// otherwise (its passage still going on, or none at all) it is Unknown.
    /// </summary>
    public void Expire(AlarmDirectionClaim claim)
    {
        if (_claims.Remove(claim))
        {
            claim.Resolve(claim.Passage is null && claim.CountedJustBefore is { } before ? before : GateDirection.Unknown);
        }
    }

    /// <summary>
    /// The direction of the oldest passage in progress, from the beam it broke first; Unknown when nobody is in the
    /// beams. (A passage completed earlier is not taken: it is usually someone else's, and may have gone the other way.)
    /// </summary>
    public GateDirection CurrentDirection()
    {
        if (_leaders.Count > 0)
        {
            return _leaders[0].Beam == GateBeam.Outer ? GateDirection.In : GateDirection.Out;
        }

        return GateDirection.Unknown;
    }

    /// <summary>Forgets every passage in progress (a beam got stuck: what it saw is not people).</summary>
    public void Reset()
    {
        _leaders.Clear();
        _open[0] = null;
        _open[1] = null;
        foreach (var claim in _claims)
        {
            claim.Resolve(GateDirection.Unknown);
        }

        _claims.Clear();
    }

    private void ResolveClaims(BeamBlock passage, GateDirection direction)
    {
        foreach (var claim in _claims.FindAll(claim => claim.Passage == passage))
        {
            _claims.Remove(claim);
            claim.Resolve(direction);
        }
    }

    /// <summary>
    /// A passage ended without being counted. Its alarms pass to the oldest passage still in progress (someone else in
    /// the aisle may be the one carrying the item); with none, the walker who set the alarm off most likely turned back
    /// to the desk, and the direction is Unknown at once rather than at the end of the wait.
    /// </summary>
    private void Abandoned(BeamBlock passage)
    {
        var next = _leaders.Count > 0 ? _leaders[0] : null;
        foreach (var claim in _claims.FindAll(claim => claim.Passage == passage))
        {
            if (next is not null)
            {
                claim.Passage = next;
            }
            else
            {
                _claims.Remove(claim);
                claim.Resolve(GateDirection.Unknown);
            }
        }
    }
}
