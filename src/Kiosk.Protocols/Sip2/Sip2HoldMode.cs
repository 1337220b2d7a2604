namespace Kiosk.Protocols.Sip2;

/// <summary>What a Hold message does (spec, "hold mode").</summary>
public enum Sip2HoldMode
{
    /// <summary><c>+</c>: add the patron to the item's hold queue.</summary>
    Add,

    /// <summary><c>-</c>: remove the patron from the hold queue.</summary>
    Delete,

    /// <summary><c>*</c>: change the hold to match the message.</summary>
    Change,
}
