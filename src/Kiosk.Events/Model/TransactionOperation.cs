namespace Kiosk.Events.Model;

/// <summary>The circulation operation an item event or offline transaction is about.</summary>
public enum TransactionOperation
{
    Checkout,
    Return,
    Renewal,
}
