namespace Kiosk.Circulation.Sessions;

/// <summary>What the signed-in patron sees of their account. Deliberately without the patron's name or card number.</summary>
/// <param name="Loans">Items on loan, overdue ones flagged, soonest due first.</param>
/// <param name="HoldsReadyForPickup">Holds waiting on the hold shelf.</param>
/// <param name="FinesOwed">Fines and fees owed, as the ILS wrote the amount (BV), or null.</param>
/// <param name="Currency">The currency (BH), such as VND.</param>
/// <param name="Blocks">The ILS's blocks on the card.</param>
public sealed record PatronAccount(
    IReadOnlyList<AccountLoan> Loans,
    IReadOnlyList<AccountHold> HoldsReadyForPickup,
    decimal? FinesOwed,
    string? Currency,
    IReadOnlyList<PatronBlock> Blocks);
