namespace Kiosk.Circulation.Security;

/// <summary>What a journal entry was doing to an item when it was written.</summary>
public enum SecurityOperation
{
    /// <summary>A loan: SIP2 checkout first, then the security off, then a read-back.</summary>
    Checkout = 1,

    /// <summary>A return, or the undoing of a loan whose book never got its security switched: security on first, then SIP2 checkin.</summary>
    Return = 2,

    /// <summary>A loan taken while the ILS was unreachable: queued durably first, then the security off (a site-policy exception to the invariant).</summary>
    OfflineCheckout = 3,
}
