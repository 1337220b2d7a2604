namespace Kiosk.Ils;

/// <summary>Whether the kiosk can reach the ILS.</summary>
public enum Sip2LinkStatus
{
    /// <summary>No connection has been tried yet.</summary>
    Unknown,

    /// <summary>A connection is logged in and the ACS says it is on-line.</summary>
    Online,

    /// <summary>The ILS cannot be reached, refused the login, or says it is off-line.</summary>
    Offline,
}
