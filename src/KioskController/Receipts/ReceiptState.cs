namespace KioskController.Receipts;

/// <summary>What the screen shows of a transaction's receipt.</summary>
/// <param name="Policy">no, ask or always.</param>
/// <param name="Printed">True printed, false not printed (declined or failed), null not tried yet.</param>
/// <param name="Problem">Why it did not print, in the printer's terms, when it failed; it can be printed later.</param>
internal sealed record ReceiptState(string Policy, bool? Printed, string? Problem);
