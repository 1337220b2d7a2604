namespace Kiosk.Protocols.Sip2;

/// <summary>How a fee was paid (spec, "payment type", 2 digits).</summary>
public enum Sip2PaymentType
{
    Cash = 0,
    Visa = 1,
    CreditCard = 2,
}
