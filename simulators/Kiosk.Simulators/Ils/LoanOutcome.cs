namespace Kiosk.Simulators.Ils;

/// <summary>What a checkout or renewal did.</summary>
/// <param name="Ok">Whether the item is now on loan to the patron.</param>
/// <param name="Renewal">Whether the patron already had the item, so this extended the loan.</param>
/// <param name="Patron">The patron, or null when unknown.</param>
/// <param name="Item">The item as it stands now, or null when unknown.</param>
/// <param name="PinValid">Whether the PIN matched; null when none was sent.</param>
/// <param name="Message">The screen message, in Vietnamese.</param>
internal sealed record LoanOutcome(bool Ok, bool Renewal, IlsPatron? Patron, IlsItem? Item, bool? PinValid, string Message);
