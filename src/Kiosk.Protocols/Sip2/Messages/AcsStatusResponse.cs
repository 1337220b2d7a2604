using F = Kiosk.Protocols.Sip2.Sip2FieldId;

namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>98 ACS Status: the ACS's rules for this SC, in answer to SC Status (spec, "ACS Status").</summary>
public sealed record AcsStatusResponse : Sip2Message
{
    private static readonly string[] Order = [F.InstitutionId, F.LibraryName, F.SupportedMessages, F.TerminalLocation, F.ScreenMessage, F.PrintLine];

    /// <inheritdoc/>
    public override string Command => Sip2Command.AcsStatus;

    /// <summary>Whether the ACS is on-line.</summary>
    public bool OnlineStatus { get; init; }

    /// <summary>Whether the SC may check items in.</summary>
    public bool CheckinOk { get; init; }

    /// <summary>Whether the SC may check items out.</summary>
    public bool CheckoutOk { get; init; }

    /// <summary>Whether the SC may renew items as a policy.</summary>
    public bool AcsRenewalPolicy { get; init; }

    /// <summary>Whether the SC may update patron status, such as blocking a card.</summary>
    public bool StatusUpdateOk { get; init; }

    /// <summary>Whether the ACS supports off-line (store and forward) operation.</summary>
    public bool OfflineOk { get; init; }

    /// <summary>Transaction timeout in tenths of a second; 0 means the ACS is not on-line, 999 unknown.</summary>
    public int TimeoutPeriod { get; init; } = 999;

    /// <summary>How many retries a transaction may have; 999 means unknown.</summary>
    public int RetriesAllowed { get; init; } = 999;

    /// <summary>The ACS's clock; all zeros when it does not support clock sync.</summary>
    public Sip2Timestamp DateTimeSync { get; init; } = Sip2Timestamp.NotSupported;

    /// <summary>The protocol version, x.xx.</summary>
    public string ProtocolVersion { get; init; } = "2.00";

    /// <summary>The timeout, or null when the ACS says 999 (unknown) or 000 (off-line).</summary>
    public TimeSpan? Timeout => TimeoutPeriod is 0 or 999 ? null : TimeSpan.FromMilliseconds(TimeoutPeriod * 100);

    /// <summary>The retries, or null when the ACS says 999 (unknown).</summary>
    public int? Retries => RetriesAllowed == 999 ? null : RetriesAllowed;

    /// <summary>AO.</summary>
    public string InstitutionId { get => Text(F.InstitutionId); init => Fields = With(F.InstitutionId, value); }

    /// <summary>AM.</summary>
    public string? LibraryName { get => OptionalText(F.LibraryName); init => Fields = With(F.LibraryName, value); }

    /// <summary>BX, one Y or N per message pair.</summary>
    public Sip2SupportedMessages SupportedMessages
    {
        get => (Sip2SupportedMessages)Sip2Positions.Parse(Text(F.SupportedMessages));
        init => Fields = With(F.SupportedMessages, Sip2Positions.Format((int)value, 16, 'N'));
    }

    /// <summary>AN.</summary>
    public string? TerminalLocation { get => OptionalText(F.TerminalLocation); init => Fields = With(F.TerminalLocation, value); }

    /// <summary>AF, one per screen line.</summary>
    public IReadOnlyList<string> ScreenMessages { get => Repeated(F.ScreenMessage); init => Fields = WithAll(F.ScreenMessage, value); }

    /// <summary>AG, one per printed line.</summary>
    public IReadOnlyList<string> PrintLines { get => Repeated(F.PrintLine); init => Fields = WithAll(F.PrintLine, value); }

    private protected override IReadOnlyList<string> FieldOrder => Order;

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.YesNo(OnlineStatus);
        writer.YesNo(CheckinOk);
        writer.YesNo(CheckoutOk);
        writer.YesNo(AcsRenewalPolicy);
        writer.YesNo(StatusUpdateOk);
        writer.YesNo(OfflineOk);
        writer.Number(TimeoutPeriod, 3, "timeout period");
        writer.Number(RetriesAllowed, 3, "retries allowed");
        writer.Timestamp(DateTimeSync);
        writer.Text(ProtocolVersion, 4, "protocol version");
    }

    internal static AcsStatusResponse Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        OnlineStatus = reader.YesNo("on-line status"),
        CheckinOk = reader.YesNo("checkin ok"),
        CheckoutOk = reader.YesNo("checkout ok"),
        AcsRenewalPolicy = reader.YesNo("ACS renewal policy"),
        StatusUpdateOk = reader.YesNo("status update ok"),
        OfflineOk = reader.YesNo("off-line ok"),
        TimeoutPeriod = reader.Number("timeout period", 3),
        RetriesAllowed = reader.Number("retries allowed", 3),
        DateTimeSync = reader.Timestamp("date / time sync"),
        ProtocolVersion = reader.Version("protocol version"),
        Fields = fields,
    };
}
