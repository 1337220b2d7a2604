using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>19 Item Status Update: store item properties on the ACS (spec, "Item Status Update").</summary>
public sealed record ItemStatusUpdateRequest : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.ItemIdentifier, F.TerminalPassword, F.ItemProperties];

    /// <inheritdoc/>
    public override string Command => Sip2Command.ItemStatusUpdate;

    /// <summary>When the request was made.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AB.</summary>
    public string ItemIdentifier { get => Text(F.ItemIdentifier); init => Fields = With(F.ItemIdentifier, value); }

    /// <summary>AC. Never logged.</summary>
    public string? TerminalPassword { get => OptionalText(F.TerminalPassword); init => Fields = With(F.TerminalPassword, value); }

    /// <summary>CH.</summary>
    public string ItemProperties { get => Text(F.ItemProperties); init => Fields = With(F.ItemProperties, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.Timestamp(TransactionDate);
    }

    internal static ItemStatusUpdateRequest Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        TransactionDate = reader.Timestamp("transaction date"),
        Fields = fields,
    };
}
