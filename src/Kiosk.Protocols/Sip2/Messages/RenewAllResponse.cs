using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>66 Renew All Response (spec, "Renew All Response").</summary>
public sealed record RenewAllResponse : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.RenewedItems, F.UnrenewedItems, F.ScreenMessage, F.PrintLine];

    /// <inheritdoc/>
    public override string Command => Sip2Command.RenewAllResponse;

    /// <summary>Whether the ACS processed the request.</summary>
    public bool Ok { get; init; }

    /// <summary>How many items were renewed.</summary>
    public int RenewedCount { get; init; }

    /// <summary>How many were not.</summary>
    public int UnrenewedCount { get; init; }

    /// <summary>When the ACS answered.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>BM, one per renewed item.</summary>
    public IReadOnlyList<string> RenewedItems { get => Repeated(F.RenewedItems); init => Fields = WithAll(F.RenewedItems, value); }

    /// <summary>BN, one per item not renewed, possibly with the reason.</summary>
    public IReadOnlyList<string> UnrenewedItems { get => Repeated(F.UnrenewedItems); init => Fields = WithAll(F.UnrenewedItems, value); }

    /// <summary>AF, one per screen line.</summary>
    public IReadOnlyList<string> ScreenMessages { get => Repeated(F.ScreenMessage); init => Fields = WithAll(F.ScreenMessage, value); }

    /// <summary>AG, one per printed line.</summary>
    public IReadOnlyList<string> PrintLines { get => Repeated(F.PrintLine); init => Fields = WithAll(F.PrintLine, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.ZeroOne(Ok);
        writer.Number(RenewedCount, 4, "renewed count");
        writer.Number(UnrenewedCount, 4, "unrenewed count");
        writer.Timestamp(TransactionDate);
    }

    internal static RenewAllResponse Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        Ok = reader.ZeroOne("ok"),
        RenewedCount = reader.Number("renewed count", 4),
        UnrenewedCount = reader.Number("unrenewed count", 4),
        TransactionDate = reader.Timestamp("transaction date"),
        Fields = fields,
    };
}
