namespace Kiosk.Simulators.Ils;

/// <summary>What a checkin did.</summary>
/// <param name="Ok">Whether the ACS checked the item in.</param>
/// <param name="Resensitize">Whether the SC should switch the item's security back on.</param>
/// <param name="Alert">Whether the item needs staff handling (a hold, an unknown item).</param>
/// <param name="Item">The item as it stands now, or null when unknown.</param>
/// <param name="PreviousBorrower">Who had the item, or null.</param>
/// <param name="SortBin">Where staff should put the item, or null.</param>
/// <param name="Messages">The screen messages, in Vietnamese.</param>
internal sealed record ReturnOutcome(
    bool Ok,
    bool Resensitize,
    bool Alert,
    IlsItem? Item,
    string? PreviousBorrower,
    string? SortBin,
    IReadOnlyList<string> Messages);
