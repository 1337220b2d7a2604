using System.Globalization;

namespace Kiosk.Protocols.Sip2;

/// <summary>
/// A SIP2 message: typed fixed-length fields, declared by each message, then the identified fields in
/// <see cref="Fields"/>, in wire order. Each message exposes its named fields as typed properties over <see cref="Fields"/>;
/// fields it does not name (ILS extensions) stay in <see cref="Fields"/> and are written back unchanged.
/// </summary>
public abstract record Sip2Message
{
    private protected Sip2Message()
    {
    }

    /// <summary>The two-digit message identifier, such as "11" for Checkout.</summary>
    public abstract string Command { get; }

    /// <summary>The message's name in the specification.</summary>
    public virtual string Name => Sip2Command.NameOf(Command) ?? "Unknown message " + Command;

    /// <summary>Every identified field, in wire order, without the AY and AZ error-detection fields.</summary>
    public Sip2FieldList Fields { get; init; } = Sip2FieldList.Empty;

    /// <summary>The identified fields of this message in the order the specification lists them, for messages built in code.</summary>
    private protected abstract IReadOnlyList<string> FieldOrder { get; }

    internal abstract void WriteFixedFields(Sip2FixedFieldWriter writer);

    private protected string Text(string id) => Fields.Get(id) ?? string.Empty;

    private protected string? OptionalText(string id) => Fields.Get(id);

    private protected IReadOnlyList<string> Repeated(string id) => Fields.GetAll(id);

    private protected Sip2FieldList With(string id, string? value) => Fields.Set(id, value, FieldOrder);

    private protected Sip2FieldList WithAll(string id, IEnumerable<string>? values) => Fields.SetAll(id, values, FieldOrder);

    private protected bool? OptionalYesNo(string id) => Fields.Get(id) switch
    {
        "Y" => true,
        "N" => false,
        _ => null,
    };

    private protected Sip2FieldList WithYesNo(string id, bool? value) => With(id, value switch
    {
        true => "Y",
        false => "N",
        null => null,
    });

    private protected int? OptionalNumber(string id) =>
        int.TryParse(Fields.Get(id), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private protected Sip2FieldList WithNumber(string id, int? value, int width = 0) =>
        With(id, value?.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));

    private protected Sip2Timestamp? OptionalTimestamp(string id) =>
        Fields.Get(id) is { } text && Sip2Timestamp.TryParse(text, out var value, out _) ? value : null;

    private protected Sip2FieldList WithTimestamp(string id, Sip2Timestamp? value) => With(id, value?.Text);

    private protected TEnum? OptionalCode<TEnum>(string id)
        where TEnum : struct, Enum =>
        int.TryParse(Fields.Get(id), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (TEnum)Enum.ToObject(typeof(TEnum), n) : null;

    private protected Sip2FieldList WithCode<TEnum>(string id, TEnum? value, int width)
        where TEnum : struct, Enum =>
        With(id, value is { } v ? Convert.ToInt32(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0') : null);
}
