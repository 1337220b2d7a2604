using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>24 Patron Status Response, also the answer to Block Patron (spec, "Patron Status Response").</summary>
public sealed record PatronStatusResponse : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.PatronIdentifier, F.PersonalName, F.ValidPatron, F.ValidPatronPassword, F.CurrencyType, F.FeeAmount, F.ScreenMessage, F.PrintLine];

    /// <inheritdoc/>
    public override string Command => Sip2Command.PatronStatusResponse;

    /// <summary>The patron's blocks.</summary>
    public Sip2PatronStatus PatronStatus { get; init; }

    /// <summary>The patron's language; null when the field held three blanks, as many SCs send, and is written back as blanks.</summary>
    public Sip2Language? Language { get; init; } = Sip2Language.Unknown;

    /// <summary>When the ACS answered.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AA. Identifies a patron: never logged.</summary>
    public string PatronIdentifier { get => Text(F.PatronIdentifier); init => Fields = With(F.PatronIdentifier, value); }

    /// <summary>AE. Identifies a patron: never logged.</summary>
    public string PersonalName { get => Text(F.PersonalName); init => Fields = With(F.PersonalName, value); }

    /// <summary>BL.</summary>
    public bool? ValidPatron { get => OptionalYesNo(F.ValidPatron); init => Fields = WithYesNo(F.ValidPatron, value); }

    /// <summary>CQ.</summary>
    public bool? ValidPatronPassword { get => OptionalYesNo(F.ValidPatronPassword); init => Fields = WithYesNo(F.ValidPatronPassword, value); }

    /// <summary>BH.</summary>
    public string? CurrencyType { get => OptionalText(F.CurrencyType); init => Fields = With(F.CurrencyType, value); }

    /// <summary>BV, fees owed.</summary>
    public string? FeeAmount { get => OptionalText(F.FeeAmount); init => Fields = With(F.FeeAmount, value); }

    /// <summary>AF, one per screen line.</summary>
    public IReadOnlyList<string> ScreenMessages { get => Repeated(F.ScreenMessage); init => Fields = WithAll(F.ScreenMessage, value); }

    /// <summary>AG, one per printed line.</summary>
    public IReadOnlyList<string> PrintLines { get => Repeated(F.PrintLine); init => Fields = WithAll(F.PrintLine, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.Positions((int)PatronStatus, 14);
        writer.Language(Language);
        writer.Timestamp(TransactionDate);
    }

    internal static PatronStatusResponse Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        PatronStatus = reader.Positions<Sip2PatronStatus>("patron status", 14),
        Language = reader.Language("language"),
        TransactionDate = reader.Timestamp("transaction date"),
        Fields = fields,
    };
}
