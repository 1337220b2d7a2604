namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>94 Login Response (spec, "Login Response").</summary>
public sealed record LoginResponse : Sip2Message
{
    /// <inheritdoc/>
    public override string Command => Sip2Command.LoginResponse;

    /// <summary>Whether the login was accepted.</summary>
    public bool Ok { get; init; }

    private protected override IReadOnlyList<string> FieldOrder => [];

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer) => writer.ZeroOne(Ok);

    internal static LoginResponse Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new() { Ok = reader.ZeroOne("ok"), Fields = fields };
}
