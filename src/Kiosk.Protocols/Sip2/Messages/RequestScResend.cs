namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>96 Request SC Resend: the ACS's answer to a request with a bad checksum (spec, "Request SC Resend").</summary>
public sealed record RequestScResend : Sip2Message
{
    /// <inheritdoc/>
    public override string Command => Sip2Command.RequestScResend;

    private protected override IReadOnlyList<string> FieldOrder => [];

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
    }

    internal static RequestScResend Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new() { Fields = fields };
}
