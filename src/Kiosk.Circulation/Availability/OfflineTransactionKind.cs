namespace Kiosk.Circulation.Availability;

/// <summary>What was done while the ILS was unreachable.</summary>
public enum OfflineTransactionKind
{
    /// <summary>A loan, replayed as Checkout (11) with no block = Y and the time it happened.</summary>
    Checkout = 1,

    /// <summary>A return, replayed as Checkin (09) with no block = Y and the time it happened.</summary>
    Checkin = 2,
}
