using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>18 Item Information Response (spec, "Item Information Response").</summary>
public sealed record ItemInformationResponse : Sip2Message
{
    private static readonly string[] Order = [F.HoldQueueLength, F.DueDate, F.RecallDate, F.HoldPickupDate, F.ItemIdentifier, F.TitleIdentifier, F.Owner, F.CurrencyType, F.FeeAmount, F.MediaType, F.PermanentLocation, F.CurrentLocation, F.ItemProperties, F.ScreenMessage, F.PrintLine];

    /// <inheritdoc/>
    public override string Command => Sip2Command.ItemInformationResponse;

    /// <summary>Where the item stands: available, charged, on the hold shelf…</summary>
    public Sip2CirculationStatus CirculationStatus { get; init; }

    /// <summary>The kind of security marker.</summary>
    public Sip2SecurityMarker SecurityMarker { get; init; }

    /// <summary>The fee for lending the item.</summary>
    public Sip2FeeType FeeType { get; init; }

    /// <summary>When the ACS answered.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>CF, how many patrons wait for it.</summary>
    public int? HoldQueueLength { get => OptionalNumber(F.HoldQueueLength); init => Fields = WithNumber(F.HoldQueueLength, value); }

    /// <summary>AH.</summary>
    public string? DueDate { get => OptionalText(F.DueDate); init => Fields = With(F.DueDate, value); }

    /// <summary>CJ.</summary>
    public Sip2Timestamp? RecallDate { get => OptionalTimestamp(F.RecallDate); init => Fields = WithTimestamp(F.RecallDate, value); }

    /// <summary>CM.</summary>
    public Sip2Timestamp? HoldPickupDate { get => OptionalTimestamp(F.HoldPickupDate); init => Fields = WithTimestamp(F.HoldPickupDate, value); }

    /// <summary>AB.</summary>
    public string ItemIdentifier { get => Text(F.ItemIdentifier); init => Fields = With(F.ItemIdentifier, value); }

    /// <summary>AJ.</summary>
    public string TitleIdentifier { get => Text(F.TitleIdentifier); init => Fields = With(F.TitleIdentifier, value); }

    /// <summary>BG.</summary>
    public string? Owner { get => OptionalText(F.Owner); init => Fields = With(F.Owner, value); }

    /// <summary>BH.</summary>
    public string? CurrencyType { get => OptionalText(F.CurrencyType); init => Fields = With(F.CurrencyType, value); }

    /// <summary>BV.</summary>
    public string? FeeAmount { get => OptionalText(F.FeeAmount); init => Fields = With(F.FeeAmount, value); }

    /// <summary>CK.</summary>
    public Sip2MediaType? MediaType { get => OptionalCode<Sip2MediaType>(F.MediaType); init => Fields = WithCode(F.MediaType, value, 3); }

    /// <summary>AQ.</summary>
    public string? PermanentLocation { get => OptionalText(F.PermanentLocation); init => Fields = With(F.PermanentLocation, value); }

    /// <summary>AP.</summary>
    public string? CurrentLocation { get => OptionalText(F.CurrentLocation); init => Fields = With(F.CurrentLocation, value); }

    /// <summary>CH.</summary>
    public string? ItemProperties { get => OptionalText(F.ItemProperties); init => Fields = With(F.ItemProperties, value); }

    /// <summary>AF, one per screen line.</summary>
    public IReadOnlyList<string> ScreenMessages { get => Repeated(F.ScreenMessage); init => Fields = WithAll(F.ScreenMessage, value); }

    /// <summary>AG, one per printed line.</summary>
    public IReadOnlyList<string> PrintLines { get => Repeated(F.PrintLine); init => Fields = WithAll(F.PrintLine, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.Number((int)CirculationStatus, 2, "circulation status");
        writer.Number((int)SecurityMarker, 2, "security marker");
        writer.Number((int)FeeType, 2, "fee type");
        writer.Timestamp(TransactionDate);
    }

    internal static ItemInformationResponse Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        CirculationStatus = reader.Code<Sip2CirculationStatus>("circulation status", 2),
        SecurityMarker = reader.Code<Sip2SecurityMarker>("security marker", 2),
        FeeType = reader.Code<Sip2FeeType>("fee type", 2),
        TransactionDate = reader.Timestamp("transaction date"),
        Fields = fields,
    };
}
