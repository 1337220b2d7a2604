using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>64 Patron Information Response (spec, "Patron Information Response").</summary>
public sealed record PatronInformationResponse : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.PatronIdentifier, F.PersonalName, F.HoldItemsLimit, F.OverdueItemsLimit, F.ChargedItemsLimit, F.ValidPatron, F.ValidPatronPassword, F.CurrencyType, F.FeeAmount, F.FeeLimit, F.HoldItems, F.OverdueItems, F.ChargedItems, F.FineItems, F.RecallItems, F.UnavailableHoldItems, F.HomeAddress, F.EmailAddress, F.HomePhoneNumber, F.ScreenMessage, F.PrintLine];

    /// <inheritdoc/>
    public override string Command => Sip2Command.PatronInformationResponse;

    /// <summary>The patron's blocks.</summary>
    public Sip2PatronStatus PatronStatus { get; init; }

    /// <summary>The patron's language; null when the field held three blanks, as many SCs send, and is written back as blanks.</summary>
    public Sip2Language? Language { get; init; } = Sip2Language.Unknown;

    /// <summary>When the ACS answered.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>Null when the ACS does not say.</summary>
    public int? HoldItemsCount { get; init; }

    /// <summary>Null when the ACS does not say.</summary>
    public int? OverdueItemsCount { get; init; }

    /// <summary>Null when the ACS does not say.</summary>
    public int? ChargedItemsCount { get; init; }

    /// <summary>Null when the ACS does not say.</summary>
    public int? FineItemsCount { get; init; }

    /// <summary>Null when the ACS does not say.</summary>
    public int? RecallItemsCount { get; init; }

    /// <summary>Null when the ACS does not say.</summary>
    public int? UnavailableHoldsCount { get; init; }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AA. Identifies a patron: never logged.</summary>
    public string PatronIdentifier { get => Text(F.PatronIdentifier); init => Fields = With(F.PatronIdentifier, value); }

    /// <summary>AE. Identifies a patron: never logged.</summary>
    public string PersonalName { get => Text(F.PersonalName); init => Fields = With(F.PersonalName, value); }

    /// <summary>BZ.</summary>
    public int? HoldItemsLimit { get => OptionalNumber(F.HoldItemsLimit); init => Fields = WithNumber(F.HoldItemsLimit, value, 4); }

    /// <summary>CA.</summary>
    public int? OverdueItemsLimit { get => OptionalNumber(F.OverdueItemsLimit); init => Fields = WithNumber(F.OverdueItemsLimit, value, 4); }

    /// <summary>CB.</summary>
    public int? ChargedItemsLimit { get => OptionalNumber(F.ChargedItemsLimit); init => Fields = WithNumber(F.ChargedItemsLimit, value, 4); }

    /// <summary>BL.</summary>
    public bool? ValidPatron { get => OptionalYesNo(F.ValidPatron); init => Fields = WithYesNo(F.ValidPatron, value); }

    /// <summary>CQ.</summary>
    public bool? ValidPatronPassword { get => OptionalYesNo(F.ValidPatronPassword); init => Fields = WithYesNo(F.ValidPatronPassword, value); }

    /// <summary>BH.</summary>
    public string? CurrencyType { get => OptionalText(F.CurrencyType); init => Fields = With(F.CurrencyType, value); }

    /// <summary>BV, fees owed.</summary>
    public string? FeeAmount { get => OptionalText(F.FeeAmount); init => Fields = With(F.FeeAmount, value); }

    /// <summary>CC.</summary>
    public string? FeeLimit { get => OptionalText(F.FeeLimit); init => Fields = With(F.FeeLimit, value); }

    /// <summary>AS, one per hold item.</summary>
    public IReadOnlyList<string> HoldItems { get => Repeated(F.HoldItems); init => Fields = WithAll(F.HoldItems, value); }

    /// <summary>AT, one per overdue item.</summary>
    public IReadOnlyList<string> OverdueItems { get => Repeated(F.OverdueItems); init => Fields = WithAll(F.OverdueItems, value); }

    /// <summary>AU, one per charged item.</summary>
    public IReadOnlyList<string> ChargedItems { get => Repeated(F.ChargedItems); init => Fields = WithAll(F.ChargedItems, value); }

    /// <summary>AV, one per fine item.</summary>
    public IReadOnlyList<string> FineItems { get => Repeated(F.FineItems); init => Fields = WithAll(F.FineItems, value); }

    /// <summary>BU, one per recalled item.</summary>
    public IReadOnlyList<string> RecallItems { get => Repeated(F.RecallItems); init => Fields = WithAll(F.RecallItems, value); }

    /// <summary>CD, one per unavailable hold.</summary>
    public IReadOnlyList<string> UnavailableHoldItems { get => Repeated(F.UnavailableHoldItems); init => Fields = WithAll(F.UnavailableHoldItems, value); }

    /// <summary>BD. Identifies a patron: never logged.</summary>
    public string? HomeAddress { get => OptionalText(F.HomeAddress); init => Fields = With(F.HomeAddress, value); }

    /// <summary>BE. Identifies a patron: never logged.</summary>
    public string? EmailAddress { get => OptionalText(F.EmailAddress); init => Fields = With(F.EmailAddress, value); }

    /// <summary>BF. Identifies a patron: never logged.</summary>
    public string? HomePhoneNumber { get => OptionalText(F.HomePhoneNumber); init => Fields = With(F.HomePhoneNumber, value); }

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
        writer.Count(HoldItemsCount, 4, "hold items count");
        writer.Count(OverdueItemsCount, 4, "overdue items count");
        writer.Count(ChargedItemsCount, 4, "charged items count");
        writer.Count(FineItemsCount, 4, "fine items count");
        writer.Count(RecallItemsCount, 4, "recall items count");
        writer.Count(UnavailableHoldsCount, 4, "unavailable holds count");
    }

    internal static PatronInformationResponse Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        PatronStatus = reader.Positions<Sip2PatronStatus>("patron status", 14),
        Language = reader.Language("language"),
        TransactionDate = reader.Timestamp("transaction date"),
        HoldItemsCount = reader.Count("hold items count", 4),
        OverdueItemsCount = reader.Count("overdue items count", 4),
        ChargedItemsCount = reader.Count("charged items count", 4),
        FineItemsCount = reader.Count("fine items count", 4),
        RecallItemsCount = reader.Count("recall items count", 4),
        UnavailableHoldsCount = reader.Count("unavailable holds count", 4),
        Fields = fields,
    };
}
