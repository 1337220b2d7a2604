using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>37 Fee Paid: tell the ACS a fee was paid (spec, "Fee Paid").</summary>
public sealed record FeePaidRequest : Sip2Message
{
    private static readonly string[] Order = [F.FeeAmount, F.InstitutionId, F.PatronIdentifier, F.TerminalPassword, F.PatronPassword, F.FeeIdentifier, F.TransactionId];

    /// <inheritdoc/>
    public override string Command => Sip2Command.FeePaid;

    /// <summary>When the payment was made.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>Which kind of fee the payment is for.</summary>
    public Sip2FeeType FeeType { get; init; }

    /// <summary>How it was paid.</summary>
    public Sip2PaymentType PaymentType { get; init; }

    /// <summary>ISO 4217, such as VND.</summary>
    public string CurrencyType { get; init; } = "VND";

    /// <summary>BV, the amount paid.</summary>
    public string FeeAmount { get => Text(F.FeeAmount); init => Fields = With(F.FeeAmount, value); }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AA. Identifies a patron: never logged.</summary>
    public string PatronIdentifier { get => Text(F.PatronIdentifier); init => Fields = With(F.PatronIdentifier, value); }

    /// <summary>AC. Never logged.</summary>
    public string? TerminalPassword { get => OptionalText(F.TerminalPassword); init => Fields = With(F.TerminalPassword, value); }

    /// <summary>AD, the PIN. Never logged.</summary>
    public string? PatronPassword { get => OptionalText(F.PatronPassword); init => Fields = With(F.PatronPassword, value); }

    /// <summary>CG, which fee.</summary>
    public string? FeeIdentifier { get => OptionalText(F.FeeIdentifier); init => Fields = With(F.FeeIdentifier, value); }

    /// <summary>BK, the payment device's transaction id.</summary>
    public string? TransactionId { get => OptionalText(F.TransactionId); init => Fields = With(F.TransactionId, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.Timestamp(TransactionDate);
        writer.Number((int)FeeType, 2, "fee type");
        writer.Number((int)PaymentType, 2, "payment type");
        writer.Text(CurrencyType, 3, "currency type");
    }

    internal static FeePaidRequest Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        TransactionDate = reader.Timestamp("transaction date"),
        FeeType = reader.Code<Sip2FeeType>("fee type", 2),
        PaymentType = reader.Code<Sip2PaymentType>("payment type", 2),
        CurrencyType = reader.Text("currency type", 3),
        Fields = fields,
    };
}
