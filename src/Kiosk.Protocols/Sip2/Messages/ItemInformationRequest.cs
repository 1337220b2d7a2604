using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>17 Item Information (spec, "Item Information").</summary>
public sealed record ItemInformationRequest : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.ItemIdentifier, F.TerminalPassword];

    /// <inheritdoc/>
    public override string Command => Sip2Command.ItemInformation;

    /// <summary>When the request was made.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AB.</summary>
    public string ItemIdentifier { get => Text(F.ItemIdentifier); init => Fields = With(F.ItemIdentifier, value); }

    /// <summary>AC. Never logged.</summary>
    public string? TerminalPassword { get => OptionalText(F.TerminalPassword); init => Fields = With(F.TerminalPassword, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.Timestamp(TransactionDate);
    }

    internal static ItemInformationRequest Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        TransactionDate = reader.Timestamp("transaction date"),
        Fields = fields,
    };
}
