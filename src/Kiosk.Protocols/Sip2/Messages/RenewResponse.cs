using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>30 Renew Response; its fields mean what Checkout Response's do (spec, "Renew Response").</summary>
public sealed record RenewResponse : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.PatronIdentifier, F.ItemIdentifier, F.TitleIdentifier, F.DueDate, F.FeeType, F.SecurityInhibit, F.CurrencyType, F.FeeAmount, F.MediaType, F.ItemProperties, F.TransactionId, F.ScreenMessage, F.PrintLine];

    /// <inheritdoc/>
    public override string Command => Sip2Command.RenewResponse;

    /// <summary>Whether the ACS did it.</summary>
    public bool Ok { get; init; }

    /// <summary>Y when the patron already had the item, so this was a renewal.</summary>
    public bool RenewalOk { get; init; }

    /// <summary>Whether the item is magnetic media.</summary>
    public Sip2Indicator MagneticMedia { get; init; } = Sip2Indicator.No;

    /// <summary>Whether the SC should switch the item's security off. U is treated like N.</summary>
    public Sip2Indicator Desensitize { get; init; } = Sip2Indicator.No;

    /// <summary>When the ACS did it.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AA. Identifies a patron: never logged.</summary>
    public string PatronIdentifier { get => Text(F.PatronIdentifier); init => Fields = With(F.PatronIdentifier, value); }

    /// <summary>AB.</summary>
    public string ItemIdentifier { get => Text(F.ItemIdentifier); init => Fields = With(F.ItemIdentifier, value); }

    /// <summary>AJ.</summary>
    public string TitleIdentifier { get => Text(F.TitleIdentifier); init => Fields = With(F.TitleIdentifier, value); }

    /// <summary>AH, in whatever format the ACS writes dates.</summary>
    public string DueDate { get => Text(F.DueDate); init => Fields = With(F.DueDate, value); }

    /// <summary>BT.</summary>
    public Sip2FeeType? FeeType { get => OptionalCode<Sip2FeeType>(F.FeeType); init => Fields = WithCode(F.FeeType, value, 2); }

    /// <summary>CI: Y tells the SC to ignore the item's security status.</summary>
    public bool? SecurityInhibit { get => OptionalYesNo(F.SecurityInhibit); init => Fields = WithYesNo(F.SecurityInhibit, value); }

    /// <summary>BH, ISO 4217 (VND).</summary>
    public string? CurrencyType { get => OptionalText(F.CurrencyType); init => Fields = With(F.CurrencyType, value); }

    /// <summary>BV.</summary>
    public string? FeeAmount { get => OptionalText(F.FeeAmount); init => Fields = With(F.FeeAmount, value); }

    /// <summary>CK.</summary>
    public Sip2MediaType? MediaType { get => OptionalCode<Sip2MediaType>(F.MediaType); init => Fields = WithCode(F.MediaType, value, 3); }

    /// <summary>CH.</summary>
    public string? ItemProperties { get => OptionalText(F.ItemProperties); init => Fields = With(F.ItemProperties, value); }

    /// <summary>BK.</summary>
    public string? TransactionId { get => OptionalText(F.TransactionId); init => Fields = With(F.TransactionId, value); }

    /// <summary>AF, one per screen line.</summary>
    public IReadOnlyList<string> ScreenMessages { get => Repeated(F.ScreenMessage); init => Fields = WithAll(F.ScreenMessage, value); }

    /// <summary>AG, one per printed line.</summary>
    public IReadOnlyList<string> PrintLines { get => Repeated(F.PrintLine); init => Fields = WithAll(F.PrintLine, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.ZeroOne(Ok);
        writer.YesNo(RenewalOk);
        writer.Indicator(MagneticMedia);
        writer.Indicator(Desensitize);
        writer.Timestamp(TransactionDate);
    }

    internal static RenewResponse Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        Ok = reader.ZeroOne("ok"),
        RenewalOk = reader.YesNo("renewal ok"),
        MagneticMedia = reader.Indicator("magnetic media"),
        Desensitize = reader.Indicator("desensitize"),
        TransactionDate = reader.Timestamp("transaction date"),
        Fields = fields,
    };
}
