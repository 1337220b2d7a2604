using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>38 Fee Paid Response (spec, "Fee Paid Response").</summary>
public sealed record FeePaidResponse : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.PatronIdentifier, F.TransactionId, F.ScreenMessage, F.PrintLine];

    /// <inheritdoc/>
    public override string Command => Sip2Command.FeePaidResponse;

    /// <summary>Whether the ACS recorded the payment.</summary>
    public bool PaymentAccepted { get; init; }

    /// <summary>When the ACS answered.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AA. Identifies a patron: never logged.</summary>
    public string PatronIdentifier { get => Text(F.PatronIdentifier); init => Fields = With(F.PatronIdentifier, value); }

    /// <summary>BK.</summary>
    public string? TransactionId { get => OptionalText(F.TransactionId); init => Fields = With(F.TransactionId, value); }

    /// <summary>AF, one per screen line.</summary>
    public IReadOnlyList<string> ScreenMessages { get => Repeated(F.ScreenMessage); init => Fields = WithAll(F.ScreenMessage, value); }

    /// <summary>AG, one per printed line.</summary>
    public IReadOnlyList<string> PrintLines { get => Repeated(F.PrintLine); init => Fields = WithAll(F.PrintLine, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.YesNo(PaymentAccepted);
        writer.Timestamp(TransactionDate);
    }

    internal static FeePaidResponse Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        PaymentAccepted = reader.YesNo("payment accepted"),
        TransactionDate = reader.Timestamp("transaction date"),
        Fields = fields,
    };
}
