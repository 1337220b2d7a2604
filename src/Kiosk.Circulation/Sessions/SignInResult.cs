namespace Kiosk.Circulation.Sessions;

/// <summary>The answer to a card or a PIN.</summary>
/// <param name="Status">Signed in, PIN needed, or refused.</param>
/// <param name="Reason">Why it was refused.</param>
/// <param name="Blocks">The ILS's blocks on the card, shown in plain words even when the patron is let in (to return and renew).</param>
/// <param name="Offline">Whether the session is off-line: the card was not checked with the ILS.</param>
/// <param name="PinAttemptsLeft">For a wrong PIN, how many tries remain before the card must be presented again.</param>
/// <param name="Patron">What the signed-in patron is told: greeting, books left to borrow, holds, or why they cannot borrow.</param>
public sealed record SignInResult(SignInStatus Status, RefusalReason? Reason, IReadOnlyList<PatronBlock> Blocks, bool Offline, int PinAttemptsLeft = 0, PatronSummary? Patron = null);
