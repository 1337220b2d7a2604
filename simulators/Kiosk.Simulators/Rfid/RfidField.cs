using System.Globalization;
using Kiosk.Protocols.Readers;

namespace Kiosk.Simulators.Rfid;

/// <summary>
/// The virtual RF field in front of a reader's antennas: which tags lie on which antenna, in the order they were
/// placed. Thread-safe; tests and the kiosk's /sim control panel place and remove tags while a reader simulator
/// inventories them. A tag lies on at most one antenna; placing it again moves it.
/// </summary>
public sealed class RfidField
{
    private readonly Lock _gate = new();
    private readonly List<(SimulatedTag Tag, int Antenna)> _tags = [];

    /// <summary>A field with <paramref name="antennaCount"/> antennas, numbered from 1.</summary>
    public RfidField(int antennaCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(antennaCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(antennaCount, 8);
        AntennaCount = antennaCount;
    }

    /// <summary>How many antennas the field has.</summary>
    public int AntennaCount { get; }

    /// <summary>Raised after a tag was placed, moved or removed (on the thread that did it).</summary>
    public event EventHandler? Changed;

    /// <summary>How many tags lie in the field, on every antenna.</summary>
    public int Count
    {
        get { lock (_gate) { return _tags.Count; } }
    }

    /// <summary>Places <paramref name="tag"/> on <paramref name="antenna"/> (from 1), or moves it there.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The field has no such antenna.</exception>
    public void Place(SimulatedTag tag, int antenna = 1)
    {
        ArgumentNullException.ThrowIfNull(tag);
        CheckAntenna(antenna);
        lock (_gate)
        {
            _tags.RemoveAll(entry => entry.Tag.Uid == tag.Uid);
            _tags.Add((tag, antenna));
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Places every tag of <paramref name="tags"/> on <paramref name="antenna"/>, as a stack of books.</summary>
    public void PlaceAll(IEnumerable<SimulatedTag> tags, int antenna = 1)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
        {
            Place(tag, antenna);
        }
    }

    /// <summary>Takes the tag with <paramref name="uid"/> out of the field; false when it was not there.</summary>
    public bool Remove(TransponderUid uid)
    {
        bool removed;
        lock (_gate)
        {
            removed = _tags.RemoveAll(entry => entry.Tag.Uid == uid) > 0;
        }

        if (removed)
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }

        return removed;
    }

    /// <summary>Takes every tag off <paramref name="antenna"/>, or off every antenna when null.</summary>
    public void Clear(int? antenna = null)
    {
        lock (_gate)
        {
            _tags.RemoveAll(entry => antenna is null || entry.Antenna == antenna);
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>The tag with <paramref name="uid"/> wherever it lies, or null.</summary>
    public SimulatedTag? Find(TransponderUid uid)
    {
        lock (_gate)
        {
            foreach (var entry in _tags)
            {
                if (entry.Tag.Uid == uid)
                {
                    return entry.Tag;
                }
            }

            return null;
        }
    }

    /// <summary>The antenna the tag with <paramref name="uid"/> lies on, or null when it is not in the field.</summary>
    public int? AntennaOf(TransponderUid uid)
    {
        lock (_gate)
        {
            foreach (var entry in _tags)
            {
                if (entry.Tag.Uid == uid)
                {
                    return entry.Antenna;
                }
            }

            return null;
        }
    }

    /// <summary>The tags on <paramref name="antenna"/>, in the order they were placed.</summary>
    public IReadOnlyList<SimulatedTag> TagsOn(int antenna)
    {
        lock (_gate)
        {
            return _tags.Where(entry => entry.Antenna == antenna).Select(entry => entry.Tag).ToArray();
        }
    }

    /// <summary>Every tag in the field, in the order they were placed.</summary>
    public IReadOnlyList<SimulatedTag> AllTags()
    {
        lock (_gate)
        {
            return _tags.Select(entry => entry.Tag).ToArray();
        }
    }

    /// <summary>The tag with <paramref name="uid"/> when it lies on <paramref name="antenna"/>.</summary>
    internal SimulatedTag? FindOn(int antenna, TransponderUid uid)
    {
        lock (_gate)
        {
            foreach (var entry in _tags)
            {
                if (entry.Antenna == antenna && entry.Tag.Uid == uid)
                {
                    return entry.Tag;
                }
            }

            return null;
        }
    }

    private void CheckAntenna(int antenna)
    {
        if (antenna < 1 || antenna > AntennaCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(antenna),
                string.Create(CultureInfo.InvariantCulture, $"Antenna {antenna} does not exist; this field has antennas 1 to {AntennaCount}."));
        }
    }
}
