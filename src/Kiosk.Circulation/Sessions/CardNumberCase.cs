namespace Kiosk.Circulation.Sessions;

/// <summary>How a card number typed, scanned or read is written before it goes to the ILS.</summary>
public enum CardNumberCase
{
    /// <summary>In capitals: "bd0001" and "BD0001" are the same card. Most ILSs issue card numbers in capitals.</summary>
    Upper = 0,

    /// <summary>In small letters, for an ILS that issues them so.</summary>
    Lower = 1,

    /// <summary>As presented: for an ILS whose card numbers differ by case.</summary>
    AsPresented = 2,
}
