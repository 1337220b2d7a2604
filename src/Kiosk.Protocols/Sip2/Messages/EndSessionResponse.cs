using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>36 End Session Response (spec, "End Session Response").</summary>
public sealed record EndSessionResponse : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.PatronIdentifier, F.ScreenMessage, F.PrintLine];

    /// <inheritdoc/>
    public override string Command => Sip2Command.EndSessionResponse;

    /// <summary>Whether the ACS ended the session; N is an error.</summary>
    public bool EndSession { get; init; }

    /// <summary>When the ACS answered.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AA. Identifies a patron: never logged.</summary>
    public string PatronIdentifier { get => Text(F.PatronIdentifier); init => Fields = With(F.PatronIdentifier, value); }

    /// <summary>AF, one per screen line.</summary>
    public IReadOnlyList<string> ScreenMessages { get => Repeated(F.ScreenMessage); init => Fields = WithAll(F.ScreenMessage, value); }

    /// <summary>AG, one per printed line.</summary>
    public IReadOnlyList<string> PrintLines { get => Repeated(F.PrintLine); init => Fields = WithAll(F.PrintLine, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.YesNo(EndSession);
        writer.Timestamp(TransactionDate);
    }

    internal static EndSessionResponse Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        EndSession = reader.YesNo("end session"),
        TransactionDate = reader.Timestamp("transaction date"),
        Fields = fields,
    };
}
