using System.Collections.Concurrent;
using Kiosk.Protocols.Tags;
using Kiosk.Simulators.Rfid;

namespace KioskController.Simulation;

/// <summary>
/// The library's shelves in the simulated run: one tag per part of every sample item, kept while it is off the pad, so
/// a book borrowed at the kiosk comes back to be returned with the AFI the kiosk gave it, as a real book would. A tag
/// is created the first time its book is picked up, secured unless the ILS says the item is on loan.
/// </summary>
internal sealed class SimulatedShelf(EmbeddedReaderSetup reader, EmbeddedIlsService ils)
{
    /// <summary>The owner library the sample tags carry, as the ILS sample data's institution.</summary>
    public const string OwnerIsil = "VN-HN-TVHN";

    private readonly ConcurrentDictionary<(string Item, int Part), SimulatedTag> _tags = new();

    /// <summary>Puts part <paramref name="part"/> of <paramref name="itemId"/> on the pad.</summary>
    /// <exception cref="ArgumentException">The ILS has no such item, or no such part.</exception>
    public SimulatedTag Place(string itemId, int part = 1)
    {
        var tag = TagFor(itemId, part);
        reader.Field.Place(tag);
        return tag;
    }

    /// <summary>Lifts part <paramref name="part"/> of <paramref name="itemId"/> off the pad; false if it was not there.</summary>
    public bool Remove(string itemId, int part = 1) => reader.Field.Remove(LibraryTagFactory.UidFor(itemId, part));

    /// <summary>Lifts every book off the pad.</summary>
    public void Clear() => reader.Field.Clear();

    /// <summary>Whether that part lies on the pad now.</summary>
    public bool IsOnPad(string itemId, int part = 1) => reader.Field.Find(LibraryTagFactory.UidFor(itemId, part)) is not null;

    /// <summary>The AFI of that part's tag, or null if it has never been picked up.</summary>
    public byte? AfiOf(string itemId, int part = 1) => _tags.TryGetValue((itemId, part), out var tag) ? tag.Afi : null;

    /// <summary>The tag of that part, created on first use.</summary>
    public SimulatedTag TagFor(string itemId, int part = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        var item = ils.Simulator?.Library.FindItem(itemId)
            ?? throw new ArgumentException($"The simulated library has no item '{itemId}'; see /sim/api/catalogue for the sample items.", nameof(itemId));
        if (part < 1 || part > item.Parts)
        {
            throw new ArgumentException($"Item '{itemId}' has {item.Parts} part(s); part {part} does not exist.", nameof(part));
        }

        return _tags.GetOrAdd((item.Identifier, part), key => LibraryTagFactory.CreateItem(
            key.Item, OwnerIsil, item.Parts, key.Part, secured: item.BorrowerIdentifier is null, LibraryTagModel.Iso28560Part2, SecurityAfi.Common));
    }
}
