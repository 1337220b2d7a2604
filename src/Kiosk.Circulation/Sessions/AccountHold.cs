namespace Kiosk.Circulation.Sessions;

/// <summary>A hold ready for pickup.</summary>
/// <param name="ItemId">The item, or the title when the ILS lists holds by title.</param>
/// <param name="Title">Its title, when known.</param>
public sealed record AccountHold(string ItemId, string? Title);
