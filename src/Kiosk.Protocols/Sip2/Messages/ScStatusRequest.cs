namespace Kiosk.Protocols.Sip2.Messages;

/// <summary>99 SC Status: the SC reports its state and asks for the ACS's rules (spec, "SC Status").</summary>
public sealed record ScStatusRequest : Sip2Message
{
    /// <inheritdoc/>
    public override string Command => Sip2Command.ScStatus;

    /// <summary>The SC's state; <see cref="Sip2ScStatusCode.PrinterOutOfPaper"/> when the receipt printer is out of paper.</summary>
    public Sip2ScStatusCode StatusCode { get; init; }

    /// <summary>The most characters the SC's printer prints on one line (3 digits); null is sent as blanks, as many SCs do.</summary>
    public int? MaxPrintWidth { get; init; } = 40;

    /// <summary>The protocol version, x.xx.</summary>
    public string ProtocolVersion { get; init; } = "2.00";

    private protected override IReadOnlyList<string> FieldOrder => [];

    internal override void WriteFixedFields(Sip2FixedFieldWriter writer)
    {
        writer.Number((int)StatusCode, 1, "status code");
        writer.Count(MaxPrintWidth, 3, "max print width");
        writer.Text(ProtocolVersion, 4, "protocol version");
    }

    internal static ScStatusRequest Read(Sip2FixedFieldReader reader, Sip2FieldList fields) => new()
    {
        StatusCode = (Sip2ScStatusCode)(reader.Character("status code", "012") - '0'),
        MaxPrintWidth = reader.Count("max print width", 3),
        ProtocolVersion = reader.Version("protocol version"),
        Fields = fields,
    };
}
