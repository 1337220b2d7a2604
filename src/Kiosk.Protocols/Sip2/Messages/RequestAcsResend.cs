namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>97 Request ACS Resend: the SC's answer to a response with a bad checksum. It carries a checksum but never a sequence number (spec, "Request ACS Resend").</summary>
public sealed record RequestAcsResend : Sip2Message
{
    /// <inheritdoc/>
    public override string Command => Sip2Command.RequestAcsResend;

    private protected override IReadOnlyList<string> FieldOrder => [];

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
    }

    internal static RequestAcsResend Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new() { Fields = fields };
}
