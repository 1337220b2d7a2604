using System.Collections.Concurrent;
using Kiosk.Protocols.Tags;
using Kiosk.Simulators.Rfid;

namespace KioskController.Simulation;

/// <summary>
/// The library's shelves in a simulated run: one tag per part of every book placed, kept while it is off the pad, so a
/// book borrowed at the kiosk comes back to be returned with the AFI the kiosk gave it, as a real book would. A tag is
/// created the first time its book is picked up, secured unless the catalogue (the embedded ILS, or the library's own)
/// says the item is on loan.
/// </summary>
internal sealed class SimulatedShelf(IShelfCatalogue catalogue, IServiceProvider services)
{
    private readonly ConcurrentDictionary<(string Item, int Part), SimulatedTag> _tags = new();
    private readonly ConcurrentDictionary<string, ShelfItem> _items = new(StringComparer.Ordinal);

    /// <summary>The books whose tags exist, with what the catalogue said of each.</summary>
    public IReadOnlyCollection<ShelfItem> Known => [.. _items.Values.OrderBy(item => item.Identifier, StringComparer.Ordinal)];

    private EmbeddedReaderSetup Pad => services.GetService<EmbeddedReaderSetup>()
        ?? throw new ArgumentException("The pad is a real reader in this run (Kiosk:Simulators:Pad is false): lay the book on it.");

    /// <summary>Puts part <paramref name="part"/> of <paramref name="itemId"/> on the pad.</summary>
    /// <exception cref="ArgumentException">The catalogue has no such item, or no such part, or the pad is real.</exception>
    public async Task<SimulatedTag> PlaceAsync(string itemId, int part = 1, CancellationToken cancellationToken = default)
    {
        var field = Pad.Field;
        var tag = await TagForAsync(itemId, part, cancellationToken).ConfigureAwait(false);
        field.Place(tag);
        return tag;
    }

    /// <summary>Lifts part <paramref name="part"/> of <paramref name="itemId"/> off the pad; false if it was not there.</summary>
    public bool Remove(string itemId, int part = 1) => Pad.Field.Remove(LibraryTagFactory.UidFor(itemId, part));

    /// <summary>Lifts every book off the pad.</summary>
    public void Clear() => Pad.Field.Clear();

    /// <summary>Whether that part lies on the pad now.</summary>
    public bool IsOnPad(string itemId, int part = 1) =>
        services.GetService<EmbeddedReaderSetup>()?.Field.Find(LibraryTagFactory.UidFor(itemId, part)) is not null;

    /// <summary>The AFI of that part's tag, or null if it has never been picked up.</summary>
    public byte? AfiOf(string itemId, int part = 1) => _tags.TryGetValue((itemId, part), out var tag) ? tag.Afi : null;

    /// <summary>The tag of that part, created on first use.</summary>
    public async Task<SimulatedTag> TagForAsync(string itemId, int part = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        if (_items.TryGetValue(itemId, out var known) && _tags.TryGetValue((known.Identifier, part), out var made))
        {
            return made;
        }

        var item = await catalogue.FindAsync(itemId.Trim(), cancellationToken).ConfigureAwait(false);
        if (part < 1 || part > item.Parts)
        {
            throw new ArgumentException($"Item '{item.Identifier}' has {item.Parts} part(s); part {part} does not exist.", nameof(part));
        }

        _items[item.Identifier] = item;
        return _tags.GetOrAdd((item.Identifier, part), key => LibraryTagFactory.CreateItem(
            key.Item, catalogue.OwnerIsil, item.Parts, key.Part, secured: !item.OnLoan, LibraryTagModel.Iso28560Part2, SecurityAfi.Common));
    }

}
