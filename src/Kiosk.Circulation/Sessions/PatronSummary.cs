namespace Kiosk.Circulation.Sessions;

/// <summary>
/// What the signed-in patron is told at sign-in. Shown only on the patron's own screen: it never goes into a log, an
/// event or a receipt.
/// </summary>
/// <param name="GreetingName">The given name to greet them by (the last word of a Vietnamese name), when the ILS sent a name.</param>
/// <param name="CardEnding">The card number's last characters, for "…0001".</param>
/// <param name="CanBorrow">Whether they may borrow now.</param>
/// <param name="CannotBorrow">The most serious block that stops them borrowing, when one does.</param>
/// <param name="LoansLeft">How many more books they may borrow, when the ILS says its limit.</param>
/// <param name="HoldsReady">How many holds wait for them on the hold shelf.</param>
/// <param name="FinesOwed">What they owe, when anything.</param>
/// <param name="Currency">The currency of <paramref name="FinesOwed"/>, such as VND.</param>
/// <param name="Offline">Whether the card could not be checked because the ILS is unreachable.</param>
public sealed record PatronSummary(
    string? GreetingName,
    string CardEnding,
    bool CanBorrow,
    PatronBlock? CannotBorrow,
    int? LoansLeft,
    int HoldsReady,
    decimal? FinesOwed,
    string? Currency,
    bool Offline);
