
namespace KioskController.Api.Session;

/// <summary>What a borrow, return or renewal answers the screen: each item's outcome, and the receipt (null when nothing was lent, renewed or returned).</summary>
internal sealed record TransactionResult(IReadOnlyList<ItemOutcome> Outcomes, ReceiptState? Receipt);
