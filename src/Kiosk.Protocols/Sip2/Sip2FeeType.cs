namespace Kiosk.Protocols.Sip2;

/// <summary>The type of a fee (spec, "fee type", 2 digits, 01 to 99).</summary>
public enum Sip2FeeType
{
    /// <summary>Not given.</summary>
    Unspecified = 0,
    OtherOrUnknown = 1,
    Administrative = 2,
    Damage = 3,
    Overdue = 4,
    Processing = 5,
    Rental = 6,
    Replacement = 7,
    ComputerAccessCharge = 8,
    HoldFee = 9,
}
