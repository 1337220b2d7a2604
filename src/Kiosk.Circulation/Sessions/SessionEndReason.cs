namespace Kiosk.Circulation.Sessions;

/// <summary>Why a session ended.</summary>
public enum SessionEndReason
{
    /// <summary>The patron pressed "finish".</summary>
    Patron = 1,

    /// <summary>Nobody touched the kiosk through the idle warning.</summary>
    IdleTimeout = 2,

    /// <summary>Another card was presented.</summary>
    AnotherCard = 3,
}
