namespace Kiosk.Protocols.Sip2;

/// <summary>What ends a message on the wire. The spec says CR; some ILSs send or expect CR LF.</summary>
public enum Sip2Terminator
{
    /// <summary>Carriage return (0x0D), as the spec says.</summary>
    CarriageReturn,

    /// <summary>Carriage return then line feed (0x0D 0x0A).</summary>
    CarriageReturnLineFeed,
}
