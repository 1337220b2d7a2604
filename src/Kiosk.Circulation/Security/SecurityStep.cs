namespace Kiosk.Circulation.Security;

/// <summary>
/// The step a journal entry is at. Each step is written before it is taken, so after a crash the entry names the step
/// that may or may not have happened; recovery asks the ILS and the tag rather than trusting either guess.
/// </summary>
public enum SecurityStep
{
    /// <summary>About to send SIP2 Checkout (11).</summary>
    IlsCheckout = 1,

    /// <summary>About to switch the item's security off (AFI "loaned").</summary>
    Unsecure = 2,

    /// <summary>About to switch the item's security on (AFI "secured").</summary>
    Secure = 3,

    /// <summary>About to send SIP2 Checkin (09).</summary>
    IlsCheckin = 4,

    /// <summary>About to write the transaction to the durable offline queue.</summary>
    OfflineQueue = 5,

    /// <summary>Finished: the tag and the ILS (or the offline queue) agree.</summary>
    Done = 6,

    /// <summary>Finished without agreement that the kiosk could reach on its own; listed for staff. The item is secured or its state unknown.</summary>
    NeedsStaff = 7,
}
