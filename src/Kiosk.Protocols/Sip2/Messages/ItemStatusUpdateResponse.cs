using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>20 Item Status Update Response (spec, "Item Status Update Response").</summary>
public sealed record ItemStatusUpdateResponse : Sip2Message
{
    private static readonly string[] Order = [F.ItemIdentifier, F.TitleIdentifier, F.ItemProperties, F.ScreenMessage, F.PrintLine];

    /// <inheritdoc/>
    public override string Command => Sip2Command.ItemStatusUpdateResponse;

    /// <summary>Whether the ACS stored the properties.</summary>
    public bool ItemPropertiesOk { get; init; }

    /// <summary>When the ACS answered.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>AB.</summary>
    public string ItemIdentifier { get => Text(F.ItemIdentifier); init => Fields = With(F.ItemIdentifier, value); }

    /// <summary>AJ.</summary>
    public string? TitleIdentifier { get => OptionalText(F.TitleIdentifier); init => Fields = With(F.TitleIdentifier, value); }

    /// <summary>CH.</summary>
    public string? ItemProperties { get => OptionalText(F.ItemProperties); init => Fields = With(F.ItemProperties, value); }

    /// <summary>AF, one per screen line.</summary>
    public IReadOnlyList<string> ScreenMessages { get => Repeated(F.ScreenMessage); init => Fields = WithAll(F.ScreenMessage, value); }

    /// <summary>AG, one per printed line.</summary>
    public IReadOnlyList<string> PrintLines { get => Repeated(F.PrintLine); init => Fields = WithAll(F.PrintLine, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.ZeroOne(ItemPropertiesOk);
        writer.Timestamp(TransactionDate);
    }

    internal static ItemStatusUpdateResponse Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        ItemPropertiesOk = reader.ZeroOne("item properties ok"),
        TransactionDate = reader.Timestamp("transaction date"),
        Fields = fields,
    };
}
