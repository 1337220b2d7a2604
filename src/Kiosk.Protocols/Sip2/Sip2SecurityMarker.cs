namespace Kiosk.Protocols.Sip2;

/// <summary>The security marker of an item (spec, "security marker", 2 digits).</summary>
public enum Sip2SecurityMarker
{
    Other = 0,
    None = 1,
    TattleTape = 2,
    WhisperTape = 3,
}
