namespace Kiosk.Simulators.Ils;

/// <summary>What Renew All did.</summary>
/// <param name="Ok">Whether the request was processed (the patron exists and the PIN matched).</param>
/// <param name="Renewed">Identifiers of the items renewed.</param>
/// <param name="Unrenewed">Identifiers of the items not renewed.</param>
/// <param name="Message">The screen message, in Vietnamese.</param>
internal sealed record RenewAllOutcome(bool Ok, IReadOnlyList<string> Renewed, IReadOnlyList<string> Unrenewed, string Message);
