using Kiosk.Events.Envelope;
using Kiosk.Events.Privacy;

namespace KioskController.Hosting;

/// <summary>
/// The circulation's card-number protection over the event pipeline: the site's salted pseudonym for the
/// session-started event, and the outbox's guard, which refuses any event carrying the number while it is in use.
/// </summary>
internal sealed class PatronPrivacy(PatronDataGuard guard, PatronPseudonymizer pseudonymizer) : IPatronPrivacy
{
    public string? Pseudonymize(string cardNumber) => pseudonymizer.Enabled ? pseudonymizer.Pseudonymize(cardNumber) : null;

    public IDisposable Protect(string cardNumber) => guard.Protect(cardNumber);
}
