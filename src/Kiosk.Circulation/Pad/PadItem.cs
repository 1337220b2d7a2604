using Kiosk.Circulation.Transactions;

namespace Kiosk.Circulation.Pad;

/// <summary>An item on the pad or scanned in, as the screen shows it.</summary>
/// <param name="ItemId">Its barcode (primary item id).</param>
/// <param name="Title">Its title from the ILS (or the tag), once known.</param>
/// <param name="PartsInItem">How many parts it has, from its tags and the ILS.</param>
/// <param name="PartsPresent">The part numbers whose tags are on the pad.</param>
/// <param name="Scanned">Whether it was scanned in by barcode (a book without a tag).</param>
/// <param name="AwaitingReturnToPad">Whether it was lent but lifted before its security was switched: "please put it back".</param>
public sealed record PadItem(
    string ItemId,
    string? Title,
    int PartsInItem,
    IReadOnlyList<int> PartsPresent,
    bool Scanned,
    bool AwaitingReturnToPad)
{
    /// <summary>The part numbers not on the pad, for "part 2 of 2 missing". Empty for a scanned item, which has no tags to count.</summary>
    public IReadOnlyList<int> MissingParts =>
        Scanned ? [] : [.. Enumerable.Range(1, Math.Max(PartsInItem, 1)).Where(part => !PartsPresent.Contains(part))];

    /// <summary>Where the running or last transaction stands with this item, in the session the screen shows.</summary>
    public ItemProgress Progress { get; init; }

    /// <summary>What was decided about it in the session the screen shows, or null.</summary>
    public ItemOutcome? Outcome { get; init; }
}
