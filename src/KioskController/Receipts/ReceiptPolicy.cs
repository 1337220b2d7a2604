namespace KioskController.Receipts;

/// <summary>Whether the kiosk prints a receipt after a loan, return or renewal.</summary>
public enum ReceiptPolicy
{
    /// <summary>Never: the screen is the receipt.</summary>
    No,

    /// <summary>The patron is asked each time.</summary>
    Ask,

    /// <summary>Always printed.</summary>
    Always,
}
