using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>10 Checkin Response (spec, "Checkin Response").</summary>
public sealed record CheckinResponse : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.ItemIdentifier, F.PermanentLocation, F.TitleIdentifier, F.SortBin, F.PatronIdentifier, F.MediaType, F.ItemProperties, F.ScreenMessage, F.PrintLine];

    /// <inheritdoc/>
    public override string Command => Sip2Command.CheckinResponse;

    /// <summary>Whether the ACS checked the item in.</summary>
    public bool Ok { get; init; }

    /// <summary>Whether the SC should switch the item's security back on.</summary>
    public bool Resensitize { get; init; }

    /// <summary>Whether the item is magnetic media.</summary>
    public Sip2Indicator MagneticMedia { get; init; } = Sip2Indicator.No;

    /// <summary>Y for special handling: a hold, another branch's item.</summary>
    public bool Alert { get; init; }

    /// <summary>When the ACS answered.</summary>
    public required Sip2Timestamp TransactionDate { get; init; }

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AB.</summary>
    public string ItemIdentifier { get => Text(F.ItemIdentifier); init => Fields = With(F.ItemIdentifier, value); }

    /// <summary>AQ.</summary>
    public string PermanentLocation { get => Text(F.PermanentLocation); init => Fields = With(F.PermanentLocation, value); }

    /// <summary>AJ.</summary>
    public string? TitleIdentifier { get => OptionalText(F.TitleIdentifier); init => Fields = With(F.TitleIdentifier, value); }

    /// <summary>CL.</summary>
    public string? SortBin { get => OptionalText(F.SortBin); init => Fields = With(F.SortBin, value); }

    /// <summary>AA, who had the item. Never logged.</summary>
    public string? PatronIdentifier { get => OptionalText(F.PatronIdentifier); init => Fields = With(F.PatronIdentifier, value); }

    /// <summary>CK.</summary>
    public Sip2MediaType? MediaType { get => OptionalCode<Sip2MediaType>(F.MediaType); init => Fields = WithCode(F.MediaType, value, 3); }

    /// <summary>CH.</summary>
    public string? ItemProperties { get => OptionalText(F.ItemProperties); init => Fields = With(F.ItemProperties, value); }

    /// <summary>AF, one per screen line.</summary>
    public IReadOnlyList<string> ScreenMessages { get => Repeated(F.ScreenMessage); init => Fields = WithAll(F.ScreenMessage, value); }

    /// <summary>AG, one per printed line.</summary>
    public IReadOnlyList<string> PrintLines { get => Repeated(F.PrintLine); init => Fields = WithAll(F.PrintLine, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.ZeroOne(Ok);
        writer.YesNo(Resensitize);
        writer.Indicator(MagneticMedia);
        writer.YesNo(Alert);
        writer.Timestamp(TransactionDate);
    }

    internal static CheckinResponse Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        Ok = reader.ZeroOne("ok"),
        Resensitize = reader.YesNo("resensitize"),
        MagneticMedia = reader.Indicator("magnetic media"),
        Alert = reader.YesNo("alert"),
        TransactionDate = reader.Timestamp("transaction date"),
        Fields = fields,
    };
}
