using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>25 Patron Enable: re-enable a blocked patron, for testing only (spec, "Patron Enable").</summary>
public sealed record PatronEnableRequest : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.PatronIdentifier, F.TerminalPassword, F.PatronPassword];

    /// <inheritdoc/>
    public override string Command => Sip2Command.PatronEnable;

    /// <summary>When the request was made.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AA. Identifies a patron: never logged.</summary>
    public string PatronIdentifier { get => Text(F.PatronIdentifier); init => Fields = With(F.PatronIdentifier, value); }

    /// <summary>AC. Never logged.</summary>
    public string? TerminalPassword { get => OptionalText(F.TerminalPassword); init => Fields = With(F.TerminalPassword, value); }

    /// <summary>AD, the PIN. Never logged.</summary>
    public string? PatronPassword { get => OptionalText(F.PatronPassword); init => Fields = With(F.PatronPassword, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.Timestamp(TransactionDate);
    }

    internal static PatronEnableRequest Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        TransactionDate = reader.Timestamp("transaction date"),
        Fields = fields,
    };
}
