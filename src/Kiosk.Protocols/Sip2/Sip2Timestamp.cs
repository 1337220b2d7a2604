using System.Globalization;

namespace Kiosk.Protocols.Sip2;

/// <summary>
/// A SIP2 date and time, <c>YYYYMMDDZZZZHHMMSS</c> (spec, "transaction date"): ZZZZ is four blanks for local time,
/// or a zone letter in its last position (<c>Z</c> for UTC). Eighteen zeros mean "not supported"
/// (spec, "date / time sync"); eighteen blanks are what clients send for an unused <c>nb due date</c>.
/// </summary>
public readonly record struct Sip2Timestamp
{
    /// <summary>The length of the field on the wire.</summary>
    public const int Length = 18;

    private readonly string? _text;

    private Sip2Timestamp(string text) => _text = text;

    /// <summary>Eighteen blanks: no date given.</summary>
    public static Sip2Timestamp Blank { get; } = new(new string(' ', Length));

    /// <summary>Eighteen zeros: the sender does not support this date (spec, "date / time sync").</summary>
    public static Sip2Timestamp NotSupported { get; } = new(new string('0', Length));

    /// <summary>A local time: the zone is four blanks.</summary>
    public static Sip2Timestamp Local(DateTime value) => new(Format(value, "    "));

    /// <summary>A UTC time: the zone is <c>"   Z"</c>.</summary>
    public static Sip2Timestamp Utc(DateTime value) => new(Format(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, "   Z"));

    /// <summary>The local wall-clock time of <paramref name="value"/>, written with blanks for the zone, as most ILSs expect.</summary>
    public static Sip2Timestamp FromLocal(DateTimeOffset value) => Local(value.DateTime);

    /// <summary>The eighteen characters as they go on the wire.</summary>
    public string Text => _text ?? Blank._text!;

    /// <summary>The four zone characters.</summary>
    public string Zone => Text.Substring(8, 4);

    /// <summary>Whether the zone says UTC.</summary>
    public bool IsUtc => Zone == "   Z";

    /// <summary>Whether no date is given (all blanks or all zeros).</summary>
    public bool IsEmpty => Text.AsSpan().IndexOfAnyExcept(' ') < 0 || Text.AsSpan().IndexOfAnyExcept('0') < 0;

    /// <summary>The date and time, or null when <see cref="IsEmpty"/>. Its kind is UTC for a <c>Z</c> zone, otherwise unspecified.</summary>
    public DateTime? Value
    {
        get
        {
            if (IsEmpty)
            {
                return null;
            }

            var t = Text;
            var stamp = string.Concat(t.AsSpan(0, 8), t.AsSpan(12, 6));
            return DateTime.ParseExact(stamp, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None) is var d
                ? DateTime.SpecifyKind(d, IsUtc ? DateTimeKind.Utc : DateTimeKind.Unspecified)
                : null;
        }
    }

    /// <summary>
    /// Reads eighteen characters. Returns false, with the reason, when they are neither a valid date nor all blanks
    /// or all zeros.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Sip2Timestamp timestamp, out string? reason)
    {
        timestamp = default;
        if (text.Length != Length)
        {
            reason = $"expected {Length} characters YYYYMMDDZZZZHHMMSS, found {text.Length}";
            return false;
        }

        if (text.IndexOfAnyExcept(' ') < 0 || text.IndexOfAnyExcept('0') < 0)
        {
            timestamp = new Sip2Timestamp(text.ToString());
            reason = null;
            return true;
        }

        var stamp = string.Concat(text[..8], text.Slice(12, 6));
        if (!DateTime.TryParseExact(stamp, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            reason = $"expected a date YYYYMMDDZZZZHHMMSS (or 18 blanks, or 18 zeros), found '{text}'";
            return false;
        }

        foreach (var c in text.Slice(8, 4))
        {
            if (c != ' ' && !char.IsAsciiLetterUpper(c))
            {
                reason = $"expected the zone ZZZZ to be four blanks or blanks and a zone letter such as '   Z', found '{text.Slice(8, 4)}'";
                return false;
            }
        }

        timestamp = new Sip2Timestamp(text.ToString());
        reason = null;
        return true;
    }

    /// <summary>Reads eighteen characters, or throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static Sip2Timestamp Parse(string text) =>
        TryParse(text, out var value, out var reason) ? value : throw new FormatException("SIP2 timestamp: " + reason);

    private static string Format(DateTime value, string zone) =>
        value.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + zone + value.ToString("HHmmss", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string ToString() => Text;
}
