using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>23 Patron Status Request (spec, "Patron Status Request").</summary>
public sealed record PatronStatusRequest : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.PatronIdentifier, F.TerminalPassword, F.PatronPassword];

    /// <inheritdoc/>
    public override string Command => Sip2Command.PatronStatus;

    /// <summary>The patron's language; null when the field held three blanks, as many SCs send, and is written back as blanks.</summary>
    public Sip2Language? Language { get; init; } = Sip2Language.Unknown;

    /// <summary>When the request was made.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AA. Identifies a patron: never logged.</summary>
    public string PatronIdentifier { get => Text(F.PatronIdentifier); init => Fields = With(F.PatronIdentifier, value); }

    /// <summary>AC. Never logged.</summary>
    public string TerminalPassword { get => Text(F.TerminalPassword); init => Fields = With(F.TerminalPassword, value); }

    /// <summary>AD, the PIN. Never logged.</summary>
    public string PatronPassword { get => Text(F.PatronPassword); init => Fields = With(F.PatronPassword, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.Language(Language);
        writer.Timestamp(TransactionDate);
    }

    internal static PatronStatusRequest Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        Language = reader.Language("language"),
        TransactionDate = reader.Timestamp("transaction date"),
        Fields = fields,
    };
}
