namespace Kiosk.Circulation.Sessions;

/// <summary>When the kiosk asks for the PIN.</summary>
public enum PinRequirement
{
    /// <summary>Always: the site requires it.</summary>
    Always = 0,

    /// <summary>Only when the ILS says the card has one (CQ present in Patron Information when asked without a PIN).</summary>
    WhenIlsRequires = 1,

    /// <summary>Never.</summary>
    Never = 2,
}
