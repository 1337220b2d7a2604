using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>09 Checkin: take an item back, or cancel a failed checkout (spec, "Checkin").</summary>
public sealed record CheckinRequest : Sip2Message
{
    private static readonly string[] Order = [F.CurrentLocation, F.InstitutionId, F.ItemIdentifier, F.TerminalPassword, F.ItemProperties, F.Cancel];

    /// <inheritdoc/>
    public override string Command => Sip2Command.Checkin;

    /// <summary>Y when the return already happened off-line and must not be refused.</summary>
    public bool NoBlock { get; init; }

    /// <summary>When the patron returned the item.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>When the item came back, which may be earlier than the transaction.</summary>
    public required Sip2Timestamp ReturnDate { get; init; }

    /// <summary>AP, where the item is now (the kiosk's location).</summary>
    public string CurrentLocation { get => Text(F.CurrentLocation); init => Fields = With(F.CurrentLocation, value); }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AB.</summary>
    public string ItemIdentifier { get => Text(F.ItemIdentifier); init => Fields = With(F.ItemIdentifier, value); }

    /// <summary>AC. Never logged.</summary>
    public string TerminalPassword { get => Text(F.TerminalPassword); init => Fields = With(F.TerminalPassword, value); }

    /// <summary>CH.</summary>
    public string? ItemProperties { get => OptionalText(F.ItemProperties); init => Fields = With(F.ItemProperties, value); }

    /// <summary>BI: Y to cancel a checkout that did not complete.</summary>
    public bool? Cancel { get => OptionalYesNo(F.Cancel); init => Fields = WithYesNo(F.Cancel, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.YesNo(NoBlock);
        writer.Timestamp(TransactionDate);
        writer.Timestamp(ReturnDate);
    }

    internal static CheckinRequest Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        NoBlock = reader.YesNo("no block"),
        TransactionDate = reader.Timestamp("transaction date"),
        ReturnDate = reader.Timestamp("return date"),
        Fields = fields,
    };
}
