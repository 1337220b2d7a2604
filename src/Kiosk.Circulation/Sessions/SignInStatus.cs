namespace Kiosk.Circulation.Sessions;

/// <summary>Where a sign-in attempt stands.</summary>
public enum SignInStatus
{
    /// <summary>Signed in; the session has begun.</summary>
    SignedIn = 1,

    /// <summary>The PIN is needed: call <see cref="PatronSessions.SubmitPinAsync"/>.</summary>
    PinRequired = 2,

    /// <summary>Refused; see the reason.</summary>
    Refused = 3,
}
