namespace Kiosk.Circulation.Transactions;

/// <summary>What the patron asked for an item.</summary>
public enum CirculationOperation
{
    /// <summary>Borrow it.</summary>
    Checkout = 1,

    /// <summary>Return it.</summary>
    Return = 2,

    /// <summary>Renew its loan.</summary>
    Renew = 3,
}
