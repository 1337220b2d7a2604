using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>29 Renew: extend one loan (spec, "Renew").</summary>
public sealed record RenewRequest : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.PatronIdentifier, F.PatronPassword, F.ItemIdentifier, F.TitleIdentifier, F.TerminalPassword, F.ItemProperties, F.FeeAcknowledged];

    /// <inheritdoc/>
    public override string Command => Sip2Command.Renew;

    /// <summary>Whether someone other than the borrower may renew.</summary>
    public bool ThirdPartyAllowed { get; init; }

    /// <summary>Y when the renewal already happened off-line.</summary>
    public bool NoBlock { get; init; }

    /// <summary>When the request was made.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>The due date given off-line; blanks otherwise.</summary>
    public Sip2Timestamp NbDueDate { get; init; } = Sip2Timestamp.Blank;

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AA. Identifies a patron: never logged.</summary>
    public string PatronIdentifier { get => Text(F.PatronIdentifier); init => Fields = With(F.PatronIdentifier, value); }

    /// <summary>AD, the PIN. Never logged.</summary>
    public string? PatronPassword { get => OptionalText(F.PatronPassword); init => Fields = With(F.PatronPassword, value); }

    /// <summary>AB.</summary>
    public string? ItemIdentifier { get => OptionalText(F.ItemIdentifier); init => Fields = With(F.ItemIdentifier, value); }

    /// <summary>AJ.</summary>
    public string? TitleIdentifier { get => OptionalText(F.TitleIdentifier); init => Fields = With(F.TitleIdentifier, value); }

    /// <summary>AC. Never logged.</summary>
    public string? TerminalPassword { get => OptionalText(F.TerminalPassword); init => Fields = With(F.TerminalPassword, value); }

    /// <summary>CH.</summary>
    public string? ItemProperties { get => OptionalText(F.ItemProperties); init => Fields = With(F.ItemProperties, value); }

    /// <summary>BO.</summary>
    public bool? FeeAcknowledged { get => OptionalYesNo(F.FeeAcknowledged); init => Fields = WithYesNo(F.FeeAcknowledged, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.YesNo(ThirdPartyAllowed);
        writer.YesNo(NoBlock);
        writer.Timestamp(TransactionDate);
        writer.Timestamp(NbDueDate);
    }

    internal static RenewRequest Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        ThirdPartyAllowed = reader.YesNo("third party allowed"),
        NoBlock = reader.YesNo("no block"),
        TransactionDate = reader.Timestamp("transaction date"),
        NbDueDate = reader.Timestamp("nb due date"),
        Fields = fields,
    };
}
