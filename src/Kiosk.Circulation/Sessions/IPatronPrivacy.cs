namespace Kiosk.Circulation.Sessions;

/// <summary>
/// The host's protection of a card number while it is in use: a salted pseudonym for the session-started event, and
/// a guard that stops any record carrying the number. The circulation core never logs or publishes the number itself.
/// </summary>
public interface IPatronPrivacy
{
    /// <summary>The site's pseudonym of <paramref name="cardNumber"/>, or null when the site configured none.</summary>
    string? Pseudonymize(string cardNumber);

    /// <summary>Protects <paramref name="cardNumber"/> until the returned scope is disposed (the session ends).</summary>
    IDisposable Protect(string cardNumber);
}
