using Kiosk.Circulation.Transactions;
using Kiosk.Protocols.Readers;

namespace Kiosk.Circulation.Pad;

/// <summary>The pad model's record of one item on the pad or scanned in; guarded by the pad model's lock.</summary>
internal sealed class PadEntry(string itemId, int order)
{
    public string ItemId { get; } = itemId;

    /// <summary>Arrival order: the screen lists items as they came, and a stack over the patron's limit is decided in it.</summary>
    public int Order { get; } = order;

    public string? Title { get; set; }

    public int PartsInItem { get; set; } = 1;

    /// <summary>Part number → tag, for the parts on the pad now.</summary>
    public Dictionary<int, TransponderUid> Tags { get; } = [];

    /// <summary>Every tag this item has shown on the pad in this visit, kept when a part is lifted, to undo a loan.</summary>
    public Dictionary<int, TransponderUid> KnownTags { get; } = [];

    public bool Scanned { get; set; }

    /// <summary>What the ILS said when the item was described (Item Information, 18): on loan, not on loan, or unknown.</summary>
    public bool? IlsSaysOnLoan { get; set; }

    /// <summary>The session that lent this item during this visit to the pad, so it is not lent twice.</summary>
    public Guid? LentInSession { get; set; }

    /// <summary>Whether the item was returned during this visit to the pad, so it is not returned twice or lent by mistake.</summary>
    public bool ReturnedHere { get; set; }

    /// <summary>Where the running transaction stands with this item.</summary>
    public ItemProgress Progress { get; set; } = ItemProgress.None;

    /// <summary>The latest decision about this item that the screen shows, and the session it was made in (null: no session).</summary>
    public ItemOutcome? Outcome { get; set; }

    public Guid? OutcomeSession { get; set; }

    /// <summary>The journal entry of a loan whose book was lifted before its switch.</summary>
    public long? AwaitingJournalId { get; set; }

    /// <summary>The due date of that loan, for the event when it completes.</summary>
    public DateTimeOffset? AwaitingDueDate { get; set; }

    /// <summary>The session of that loan.</summary>
    public Guid? AwaitingSession { get; set; }

    /// <summary>Whether a loan's switch of this item is running now.</summary>
    public bool Switching { get; set; }

    /// <summary>Whether a transaction may take the item now: nothing else is being done to it.</summary>
    public bool Free => Progress is ItemProgress.None or ItemProgress.Done or ItemProgress.Refused && AwaitingJournalId is null && !Switching;

    public PadItem ToPadItem(Guid? context) => new(ItemId, Title, PartsInItem, [.. Tags.Keys.Order()], Scanned, AwaitingJournalId is not null)
    {
        // Only the decisions of the session the screen now shows: the next patron never sees the last one's outcomes.
        Progress = OutcomeSession == context || Progress is ItemProgress.Pending or ItemProgress.Working ? Progress : ItemProgress.None,
        Outcome = OutcomeSession == context ? Outcome : null,
    };
}
