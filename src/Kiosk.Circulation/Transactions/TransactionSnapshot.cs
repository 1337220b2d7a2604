namespace Kiosk.Circulation.Transactions;

/// <summary>A running loan or return, as the screen counts it.</summary>
/// <param name="Operation">A loan (checkout) or a return.</param>
/// <param name="Total">How many items it took.</param>
/// <param name="Finished">How many are decided.</param>
public sealed record TransactionSnapshot(CirculationOperation Operation, int Total, int Finished);
