namespace Kiosk.Protocols.Sip2;

/// <summary>
/// One variable-length (or identified fixed-length) field of a SIP2 message: a two-character identifier and its value.
/// </summary>
/// <param name="Id">The two-character field identifier, such as <c>AO</c> for institution id.</param>
/// <param name="Value">The field's value, without the field delimiter.</param>
public readonly record struct Sip2Field(string Id, string Value)
{
    /// <inheritdoc/>
    public override string ToString() => Id + Value;
}
