using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>11 Checkout: lend an item to a patron, or cancel a failed checkin (spec, "Checkout").</summary>
public sealed record CheckoutRequest : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.PatronIdentifier, F.ItemIdentifier, F.TerminalPassword, F.ItemProperties, F.PatronPassword, F.FeeAcknowledged, F.Cancel];

    /// <inheritdoc/>
    public override string Command => Sip2Command.Checkout;

    /// <summary>Whether this SC is configured to renew.</summary>
    public bool ScRenewalPolicy { get; init; }

    /// <summary>Y when the loan already happened off-line and must not be refused.</summary>
    public bool NoBlock { get; init; }

    /// <summary>When the patron checked the item out.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>The due date given off-line; blanks otherwise.</summary>
    public Sip2Timestamp NbDueDate { get; init; } = Sip2Timestamp.Blank;

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AA. Identifies a patron: never logged.</summary>
    public string PatronIdentifier { get => Text(F.PatronIdentifier); init => Fields = With(F.PatronIdentifier, value); }

    /// <summary>AB.</summary>
    public string ItemIdentifier { get => Text(F.ItemIdentifier); init => Fields = With(F.ItemIdentifier, value); }

    /// <summary>AC. Never logged.</summary>
    public string TerminalPassword { get => Text(F.TerminalPassword); init => Fields = With(F.TerminalPassword, value); }

    /// <summary>CH.</summary>
    public string? ItemProperties { get => OptionalText(F.ItemProperties); init => Fields = With(F.ItemProperties, value); }

    /// <summary>AD, the PIN. Never logged.</summary>
    public string? PatronPassword { get => OptionalText(F.PatronPassword); init => Fields = With(F.PatronPassword, value); }

    /// <summary>BO.</summary>
    public bool? FeeAcknowledged { get => OptionalYesNo(F.FeeAcknowledged); init => Fields = WithYesNo(F.FeeAcknowledged, value); }

    /// <summary>BI: Y to cancel a checkin that did not complete.</summary>
    public bool? Cancel { get => OptionalYesNo(F.Cancel); init => Fields = WithYesNo(F.Cancel, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.YesNo(ScRenewalPolicy);
        writer.YesNo(NoBlock);
        writer.Timestamp(TransactionDate);
        writer.Timestamp(NbDueDate);
    }

    internal static CheckoutRequest Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        ScRenewalPolicy = reader.YesNo("SC renewal policy"),
        NoBlock = reader.YesNo("no block"),
        TransactionDate = reader.Timestamp("transaction date"),
        NbDueDate = reader.Timestamp("nb due date"),
        Fields = fields,
    };
}
