namespace Kiosk.Circulation.Sessions;

/// <summary>A card waiting for its PIN, as the PIN screen shows it.</summary>
/// <param name="CardEnding">The card number's last characters, for "…0001".</param>
/// <param name="PinAttemptsLeft">How many tries remain.</param>
public sealed record PendingSignInSummary(string CardEnding, int PinAttemptsLeft);
