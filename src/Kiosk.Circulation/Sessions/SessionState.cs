namespace Kiosk.Circulation.Sessions;

/// <summary>Where the kiosk's patron session stands, for the screen.</summary>
public enum SessionState
{
    /// <summary>Nobody signed in: returns work, borrowing needs a card.</summary>
    NoSession = 0,

    /// <summary>A card was presented and its PIN is awaited.</summary>
    AwaitingPin = 1,

    /// <summary>A patron is signed in.</summary>
    Active = 2,

    /// <summary>A patron is signed in but idle: the screen shows the warning and its countdown.</summary>
    IdleWarning = 3,
}
