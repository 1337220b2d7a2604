using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>93 Login: the SC logs in to the ACS server (spec, "Login"). When used, it is the first message sent.</summary>
public sealed record LoginRequest : Sip2Message
{
    private static readonly string[] Order = [F.LoginUserId, F.LoginPassword, F.LocationCode];

    /// <inheritdoc/>
    public override string Command => Sip2Command.Login;

    /// <summary>The algorithm that encrypts the user id; '0' means none.</summary>
    public char UidAlgorithm { get; init; } = '0';

    /// <summary>The algorithm that encrypts the password; '0' means none.</summary>
    public char PasswordAlgorithm { get; init; } = '0';

    /// <summary>CN, required.</summary>
    public string UserId { get => Text(F.LoginUserId); init => Fields = With(F.LoginUserId, value); }

    /// <summary>CO, required. Never logged.</summary>
    public string Password { get => Text(F.LoginPassword); init => Fields = With(F.LoginPassword, value); }

    /// <summary>CP, the SC's location code.</summary>
    public string? Location { get => OptionalText(F.LocationCode); init => Fields = With(F.LocationCode, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.Character(UidAlgorithm);
        writer.Character(PasswordAlgorithm);
    }

    internal static LoginRequest Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        UidAlgorithm = reader.Text("UID algorithm", 1)[0],
        PasswordAlgorithm = reader.Text("PWD algorithm", 1)[0],
        Fields = fields,
    };
}
