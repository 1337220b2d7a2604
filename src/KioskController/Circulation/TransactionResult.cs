using Kiosk.Circulation.Sessions;

namespace KioskController.Circulation;

/// <summary>What a borrow, return or renewal answers the screen: each item's outcome, and the receipt.</summary>
internal sealed record TransactionResult(IReadOnlyList<ItemOutcome> Outcomes, ReceiptState Receipt);
