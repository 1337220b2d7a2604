using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>01 Block Patron: the SC asks the ACS to block a card, answered by 24 (spec, "Block Patron").</summary>
public sealed record BlockPatronRequest : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.BlockedCardMessage, F.PatronIdentifier, F.TerminalPassword];

    /// <inheritdoc/>
    public override string Command => Sip2Command.BlockPatron;

    /// <summary>Whether the SC kept the card.</summary>
    public bool CardRetained { get; init; }

    /// <summary>When it happened.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AL, why the card is blocked.</summary>
    public string BlockedCardMessage { get => Text(F.BlockedCardMessage); init => Fields = With(F.BlockedCardMessage, value); }

    /// <summary>AA. Identifies a patron: never logged.</summary>
    public string PatronIdentifier { get => Text(F.PatronIdentifier); init => Fields = With(F.PatronIdentifier, value); }

    /// <summary>AC. Never logged.</summary>
    public string TerminalPassword { get => Text(F.TerminalPassword); init => Fields = With(F.TerminalPassword, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.YesNo(CardRetained);
        writer.Timestamp(TransactionDate);
    }

    internal static BlockPatronRequest Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        CardRetained = reader.YesNo("card retained"),
        TransactionDate = reader.Timestamp("transaction date"),
        Fields = fields,
    };
}
