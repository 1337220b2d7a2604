using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>15 Hold: place, remove or change a hold (spec, "Hold").</summary>
public sealed record HoldRequest : Sip2Message
{
    private static readonly string[] Order = [F.ExpirationDate, F.PickupLocation, F.HoldType, F.InstitutionId, F.PatronIdentifier, F.PatronPassword, F.ItemIdentifier, F.TitleIdentifier, F.TerminalPassword, F.FeeAcknowledged];

    /// <inheritdoc/>
    public override string Command => Sip2Command.Hold;

    /// <summary>Add, delete or change.</summary>
    public Sip2HoldMode Mode { get; init; }

    /// <summary>When the request was made.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>BW, when the hold lapses.</summary>
    public Sip2Timestamp? ExpirationDate { get => OptionalTimestamp(F.ExpirationDate); init => Fields = WithTimestamp(F.ExpirationDate, value); }

    /// <summary>BS.</summary>
    public string? PickupLocation { get => OptionalText(F.PickupLocation); init => Fields = With(F.PickupLocation, value); }

    /// <summary>BY.</summary>
    public Sip2HoldType? HoldType { get => OptionalCode<Sip2HoldType>(F.HoldType); init => Fields = WithCode(F.HoldType, value, 1); }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AA. Identifies a patron: never logged.</summary>
    public string PatronIdentifier { get => Text(F.PatronIdentifier); init => Fields = With(F.PatronIdentifier, value); }

    /// <summary>AD, the PIN. Never logged.</summary>
    public string? PatronPassword { get => OptionalText(F.PatronPassword); init => Fields = With(F.PatronPassword, value); }

    /// <summary>AB.</summary>
    public string? ItemIdentifier { get => OptionalText(F.ItemIdentifier); init => Fields = With(F.ItemIdentifier, value); }

    /// <summary>AJ.</summary>
    public string? TitleIdentifier { get => OptionalText(F.TitleIdentifier); init => Fields = With(F.TitleIdentifier, value); }

    /// <summary>AC. Never logged.</summary>
    public string? TerminalPassword { get => OptionalText(F.TerminalPassword); init => Fields = With(F.TerminalPassword, value); }

    /// <summary>BO.</summary>
    public bool? FeeAcknowledged { get => OptionalYesNo(F.FeeAcknowledged); init => Fields = WithYesNo(F.FeeAcknowledged, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.Character(Mode switch { Sip2HoldMode.Add => '+', Sip2HoldMode.Delete => '-', _ => '*' });
        writer.Timestamp(TransactionDate);
    }

    internal static HoldRequest Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        Mode = reader.Character("hold mode", "+-*") switch { '+' => Sip2HoldMode.Add, '-' => Sip2HoldMode.Delete, _ => Sip2HoldMode.Change },
        TransactionDate = reader.Timestamp("transaction date"),
        Fields = fields,
    };
}
