namespace Kiosk.Circulation;

/// <summary>Whether a request of the screen could be carried out now, or why not; the screen puts each in plain words.</summary>
public enum CirculationResultCode
{
    /// <summary>Carried out; the value says how it went.</summary>
    Ok = 0,

    /// <summary>Nobody is signed in (or no card waits for its PIN).</summary>
    NoSession = 1,

    /// <summary>The ILS cannot be reached, and this cannot be done without it.</summary>
    IlsUnreachable = 2,

    /// <summary>A loan or return is running; wait for it.</summary>
    Busy = 3,

    /// <summary>The ILS's ACS Status says its renewal policy does not let patrons renew at this kiosk.</summary>
    RenewalsNotAllowed = 4,
}
