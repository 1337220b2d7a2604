using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>63 Patron Information (spec, "Patron Information").</summary>
public sealed record PatronInformationRequest : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.PatronIdentifier, F.TerminalPassword, F.PatronPassword, F.StartItem, F.EndItem];

    /// <inheritdoc/>
    public override string Command => Sip2Command.PatronInformation;

    /// <summary>The patron's language; null when the field held three blanks, as many SCs send, and is written back as blanks.</summary>
    public Sip2Language? Language { get; init; } = Sip2Language.Unknown;

    /// <summary>When the request was made.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>Which category of items to list in detail; one at a time.</summary>
    public Sip2SummaryRequest Summary { get; init; }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AA. Identifies a patron: never logged.</summary>
    public string PatronIdentifier { get => Text(F.PatronIdentifier); init => Fields = With(F.PatronIdentifier, value); }

    /// <summary>AC. Never logged.</summary>
    public string? TerminalPassword { get => OptionalText(F.TerminalPassword); init => Fields = With(F.TerminalPassword, value); }

    /// <summary>AD, the PIN. Never logged.</summary>
    public string? PatronPassword { get => OptionalText(F.PatronPassword); init => Fields = With(F.PatronPassword, value); }

    /// <summary>BP, the first item of the list to send, counting from 1.</summary>
    public int? StartItem { get => OptionalNumber(F.StartItem); init => Fields = WithNumber(F.StartItem, value); }

    /// <summary>BQ, the last item of the list to send.</summary>
    public int? EndItem { get => OptionalNumber(F.EndItem); init => Fields = WithNumber(F.EndItem, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.Language(Language);
        writer.Timestamp(TransactionDate);
        writer.Positions((int)Summary, 10);
    }

    internal static PatronInformationRequest Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        Language = reader.Language("language"),
        TransactionDate = reader.Timestamp("transaction date"),
        Summary = reader.Positions<Sip2SummaryRequest>("summary", 10),
        Fields = fields,
    };
}
