using Kiosk.Protocols.Readers;

namespace Kiosk.Devices.Rfid;

/// <summary>
/// Turns inventory snapshots into tag-arrived and tag-left changes per antenna, debounced: a tag arrives after
/// <see cref="TagPresenceOptions.ArrivalConfirmations"/> polls in a row see it, and leaves once it has gone unseen for
/// <see cref="TagPresenceOptions.DepartureGrace"/>. Feed it one snapshot per poll. Not thread-safe: one poll loop owns it.
/// </summary>
public sealed class TagPresenceTracker(TagPresenceOptions options, TimeProvider timeProvider)
{
    private readonly Dictionary<(int Antenna, TransponderUid Uid), Sighting> _tags = [];

    /// <summary>The tags present now, per antenna.</summary>
    public IReadOnlyCollection<(int Antenna, TransponderUid Uid)> Present =>
        [.. _tags.Where(t => t.Value.Announced).Select(t => t.Key)];

    /// <summary>Takes the tags one poll of <paramref name="antenna"/> saw, and returns what changed, arrivals first.</summary>
    public IReadOnlyList<TagPresenceChange> Update(int antenna, IReadOnlyCollection<TransponderUid> seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var now = timeProvider.GetUtcNow();
        var changes = new List<TagPresenceChange>();
        foreach (var uid in seen)
        {
            var key = (antenna, uid);
            var sighting = _tags.TryGetValue(key, out var known) ? known with { LastSeen = now, Streak = known.Streak + 1 } : new Sighting(now, 1, false);
            if (!sighting.Announced && sighting.Streak >= options.ArrivalConfirmations)
            {
                sighting = sighting with { Announced = true };
                changes.Add(new TagPresenceChange(TagPresenceChangeKind.Arrived, antenna, uid, now));
            }

            _tags[key] = sighting;
        }

        foreach (var (key, sighting) in _tags.Where(t => t.Key.Antenna == antenna && !seen.Contains(t.Key.Uid)).ToList())
        {
            if (now - sighting.LastSeen >= options.DepartureGrace)
            {
                _tags.Remove(key);
                if (sighting.Announced)
                {
                    changes.Add(new TagPresenceChange(TagPresenceChangeKind.Left, antenna, key.Uid, now));
                }
            }
            else
            {
                // A missed poll breaks an unconfirmed arrival's streak, but a present tag stays present within the grace.
                _tags[key] = sighting with { Streak = 0 };
            }
        }

        return changes;
    }

    /// <summary>Forgets an antenna's tags, reporting each present one as left: for a reader that went away.</summary>
    public IReadOnlyList<TagPresenceChange> Clear(int antenna)
    {
        var now = timeProvider.GetUtcNow();
        var gone = _tags.Where(t => t.Key.Antenna == antenna).ToList();
        foreach (var (key, _) in gone)
        {
            _tags.Remove(key);
        }

        return [.. gone.Where(t => t.Value.Announced).Select(t => new TagPresenceChange(TagPresenceChangeKind.Left, antenna, t.Key.Uid, now))];
    }

    private sealed record Sighting(DateTimeOffset LastSeen, int Streak, bool Announced);
}
