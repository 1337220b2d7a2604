namespace Kiosk.Protocols.Sip2;

/// <summary>A one-character Y, N or U field, such as "magnetic media" or "desensitize" (spec, "Field Definitions").</summary>
public enum Sip2Indicator
{
    /// <summary><c>N</c>.</summary>
    No,

    /// <summary><c>Y</c>.</summary>
    Yes,

    /// <summary><c>U</c>: the ACS does not know. The spec says an SC treats it like <c>N</c>.</summary>
    Unknown,
}
