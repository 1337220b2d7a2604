using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>16 Hold Response (spec, "Hold Response").</summary>
public sealed record HoldResponse : Sip2Message
{
    private static readonly string[] Order = [F.ExpirationDate, F.QueuePosition, F.PickupLocation, F.InstitutionId, F.PatronIdentifier, F.ItemIdentifier, F.TitleIdentifier, F.ScreenMessage, F.PrintLine];

    /// <inheritdoc/>
    public override string Command => Sip2Command.HoldResponse;

    /// <summary>Whether the ACS did it.</summary>
    public bool Ok { get; init; }

    /// <summary>Whether the item is available now.</summary>
    public bool Available { get; init; }

    /// <summary>When the ACS answered.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>BW.</summary>
    public Sip2Timestamp? ExpirationDate { get => OptionalTimestamp(F.ExpirationDate); init => Fields = WithTimestamp(F.ExpirationDate, value); }

    /// <summary>BR, the patron's place in the queue.</summary>
    public int? QueuePosition { get => OptionalNumber(F.QueuePosition); init => Fields = WithNumber(F.QueuePosition, value); }

    /// <summary>BS.</summary>
    public string? PickupLocation { get => OptionalText(F.PickupLocation); init => Fields = With(F.PickupLocation, value); }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AA. Identifies a patron: never logged.</summary>
    public string PatronIdentifier { get => Text(F.PatronIdentifier); init => Fields = With(F.PatronIdentifier, value); }

    /// <summary>AB.</summary>
    public string? ItemIdentifier { get => OptionalText(F.ItemIdentifier); init => Fields = With(F.ItemIdentifier, value); }

    /// <summary>AJ.</summary>
    public string? TitleIdentifier { get => OptionalText(F.TitleIdentifier); init => Fields = With(F.TitleIdentifier, value); }

    /// <summary>AF, one per screen line.</summary>
    public IReadOnlyList<string> ScreenMessages { get => Repeated(F.ScreenMessage); init => Fields = WithAll(F.ScreenMessage, value); }

    /// <summary>AG, one per printed line.</summary>
    public IReadOnlyList<string> PrintLines { get => Repeated(F.PrintLine); init => Fields = WithAll(F.PrintLine, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.ZeroOne(Ok);
        writer.YesNo(Available);
        writer.Timestamp(TransactionDate);
    }

    internal static HoldResponse Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        Ok = reader.ZeroOne("ok"),
        Available = reader.YesNo("available"),
        TransactionDate = reader.Timestamp("transaction date"),
        Fields = fields,
    };
}
