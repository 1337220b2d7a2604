using Kiosk.Protocols.Readers;

namespace Kiosk.Circulation.Pad;

/// <summary>One item a transaction took from the pad, as it stood when taken.</summary>
/// <param name="Item">The item as the screen shows it.</param>
/// <param name="Tags">Its tags on the pad, by part number.</param>
/// <param name="LentInSession">The session that lent it in this visit, if any.</param>
/// <param name="ReturnedHere">Whether it was returned in this visit.</param>
/// <param name="IlsSaysOnLoan">What the ILS said when it was described.</param>
internal sealed record PadWork(PadItem Item, IReadOnlyList<TransponderUid> Tags, Guid? LentInSession, bool ReturnedHere, bool? IlsSaysOnLoan)
{
    public string ItemId => Item.ItemId;

    public IReadOnlyList<int> MissingParts => Item.MissingParts;
}
