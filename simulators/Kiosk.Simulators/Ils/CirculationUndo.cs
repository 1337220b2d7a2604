namespace Kiosk.Simulators.Ils;

/// <summary>An item as it stood before a checkout or checkin, and the fine that transaction charged, for BI=Y.</summary>
/// <param name="Before">The item before the transaction.</param>
/// <param name="FineCharged">The fine the transaction added to the borrower's balance, in VND, refunded on cancel.</param>
internal sealed record CirculationUndo(IlsItem Before, long FineCharged);
