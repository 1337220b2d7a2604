using Kiosk.Protocols.Readers;

namespace Kiosk.Circulation.Sessions;

/// <summary>The kiosk's own record of one item on the pad or scanned in; guarded by the kiosk's lock.</summary>
internal sealed class PadEntry(string itemId, int order)
{
    public string ItemId { get; } = itemId;

    /// <summary>Arrival order, so the screen lists items as they came.</summary>
    public int Order { get; } = order;

    public string? Title { get; set; }

    public int PartsInItem { get; set; } = 1;

    /// <summary>Part number → tag, for the parts on the pad now.</summary>
    public Dictionary<int, TransponderUid> Tags { get; } = [];

    /// <summary>Every tag this item has shown on the pad in this session, kept when a part is lifted, to undo a loan.</summary>
    public Dictionary<int, TransponderUid> KnownTags { get; } = [];

    public bool Scanned { get; set; }

    /// <summary>Set when the item was lent or returned in this session, so it is not sent twice.</summary>
    public bool Finished { get; set; }

    /// <summary>The journal entry of a loan whose book was lifted before its switch.</summary>
    public long? AwaitingJournalId { get; set; }

    /// <summary>The due date of that loan, for the event when it completes.</summary>
    public DateTimeOffset? AwaitingDueDate { get; set; }

    /// <summary>Whether a loan's switch of this item is running now.</summary>
    public bool Switching { get; set; }

    public PadItem ToPadItem() => new(ItemId, Title, PartsInItem, [.. Tags.Keys.Order()], Scanned, AwaitingJournalId is not null);
}
