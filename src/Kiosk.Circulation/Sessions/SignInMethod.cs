namespace Kiosk.Circulation.Sessions;

/// <summary>How the patron presented the card.</summary>
public enum SignInMethod
{
    /// <summary>The card's barcode, through the scanner.</summary>
    Barcode = 1,

    /// <summary>An RFID patron card laid on the pad.</summary>
    RfidCard = 2,

    /// <summary>Typed on the screen.</summary>
    Typed = 3,
}
