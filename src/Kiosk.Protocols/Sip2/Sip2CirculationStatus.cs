namespace Kiosk.Protocols.Sip2;

/// <summary>The circulation status of an item in Item Information Response (spec, "circulation status", 2 digits).</summary>
public enum Sip2CirculationStatus
{
    /// <summary>Not one of the defined codes.</summary>
    Unknown = 0,
    Other = 1,
    OnOrder = 2,
    Available = 3,
    Charged = 4,

    /// <summary>Charged; not to be recalled until the earliest recall date.</summary>
    ChargedNotToBeRecalled = 5,
    InProcess = 6,
    Recalled = 7,
    WaitingOnHoldShelf = 8,
    WaitingToBeReshelved = 9,
    InTransit = 10,
    ClaimedReturned = 11,
    Lost = 12,
    Missing = 13,
}
