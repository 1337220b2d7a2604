using System.Globalization;

namespace Kiosk.Protocols.Sip2;

/// <summary>Reads the fixed-length fields of a message in order, noting each one for diagnostics.</summary>
internal sealed class Sip2FixedFieldReader(string text, int start)
{
    private readonly List<Sip2FixedFieldValue> _values = [];

    public int Position { get; private set; } = start;

    public IReadOnlyList<Sip2FixedFieldValue> Values => _values;

    private string Take(string name, int width, string expected)
    {
        if (Position + width > text.Length)
        {
            throw new Sip2FormatException(
                Position, $"{name}: expected {width} character(s), {expected}, but the message ends after {text.Length - Position}");
        }

        var value = text.Substring(Position, width);
        Position += width;
        return value;
    }

    private void Note(string name, int position, string value, string meaning) => _values.Add(new(name, position, value, meaning));

    public bool YesNo(string name)
    {
        var at = Position;
        var c = Take(name, 1, "Y or N");
        var result = c switch
        {
            "Y" => true,
            "N" => false,
            _ => throw new Sip2FormatException(at, $"{name}: expected Y or N, found '{c}'"),
        };
        Note(name, at, c, result ? "yes" : "no");
        return result;
    }

    public Sip2Indicator Indicator(string name)
    {
        var at = Position;
        var c = Take(name, 1, "Y, N or U");
        var result = c switch
        {
            "Y" => Sip2Indicator.Yes,
            "N" => Sip2Indicator.No,
            "U" => Sip2Indicator.Unknown,
            _ => throw new Sip2FormatException(at, $"{name}: expected Y, N or U, found '{c}'"),
        };
        Note(name, at, c, result.ToString().ToLowerInvariant());
        return result;
    }

    public bool ZeroOne(string name)
    {
        var at = Position;
        var c = Take(name, 1, "0 or 1");
        var result = c switch
        {
            "1" => true,
            "0" => false,
            _ => throw new Sip2FormatException(at, $"{name}: expected 0 or 1, found '{c}'"),
        };
        Note(name, at, c, result ? "yes" : "no");
        return result;
    }

    public char Character(string name, string allowed)
    {
        var at = Position;
        var c = Take(name, 1, "one of '" + allowed + "'");
        if (!allowed.Contains(c[0], StringComparison.Ordinal))
        {
            throw new Sip2FormatException(at, $"{name}: expected one of '{allowed}', found '{c}'");
        }

        Note(name, at, c, c);
        return c[0];
    }

    public Sip2Timestamp Timestamp(string name)
    {
        var at = Position;
        var raw = Take(name, Sip2Timestamp.Length, "YYYYMMDDZZZZHHMMSS");
        if (!Sip2Timestamp.TryParse(raw, out var value, out var reason))
        {
            throw new Sip2FormatException(at, $"{name}: {reason}");
        }

        Note(name, at, raw, Describe(value));
        return value;
    }

    /// <summary>A number of <paramref name="width"/> digits; all blanks means "not available" (spec, "hold items count").</summary>
    public int? Count(string name, int width)
    {
        var at = Position;
        var raw = Take(name, width, $"{width} digits or blanks");
        if (raw.AsSpan().IndexOfAnyExcept(' ') < 0)
        {
            Note(name, at, raw, "not available");
            return null;
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new Sip2FormatException(at, $"{name}: expected {width} digits, found '{raw}'");
        }

        Note(name, at, raw, number.ToString(CultureInfo.InvariantCulture));
        return number;
    }

    public int Number(string name, int width) =>
        Count(name, width) ?? throw new Sip2FormatException(Position - width, $"{name}: expected {width} digits, found blanks");

    /// <summary>The 3-digit language code; null for three blanks, which many SCs send, so the blanks are written back.</summary>
    public Sip2Language? Language(string name)
    {
        var at = Position;
        var raw = Take(name, 3, "3 digits or blanks");
        if (raw == "   ")
        {
            Note(name, at, raw, "not given (blanks)");
            return null;
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new Sip2FormatException(at, $"{name}: expected 3 digits such as 000 or 3 blanks, found '{raw}'");
        }

        var language = (Sip2Language)number;
        Note(name, at, raw, Enum.IsDefined(language) ? language.ToString() : "code " + raw + " (not in the spec's table)");
        return language;
    }

    /// <summary>A code of <paramref name="width"/> digits from one of the spec's tables, such as circulation status.</summary>
    public TEnum Code<TEnum>(string name, int width)
        where TEnum : struct, Enum
    {
        var at = Position;
        var raw = Take(name, width, $"{width} digits");
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new Sip2FormatException(at, $"{name}: expected {width} digits, found '{raw}'");
        }

        var value = (TEnum)Enum.ToObject(typeof(TEnum), number);
        Note(name, at, raw, Enum.IsDefined(value) ? value.ToString() : "code " + raw + " (not in the spec's table)");
        return value;
    }

    /// <summary>The protocol version, <c>x.xx</c> (spec, "protocol version": a numeral, a period, two numerals).</summary>
    public string Version(string name)
    {
        var at = Position;
        var raw = Take(name, 4, "x.xx such as 2.00");
        if (!char.IsAsciiDigit(raw[0]) || raw[1] != '.' || !char.IsAsciiDigit(raw[2]) || !char.IsAsciiDigit(raw[3]))
        {
            throw new Sip2FormatException(at, $"{name}: expected x.xx such as 2.00, found '{raw}'");
        }

        Note(name, at, raw, raw);
        return raw;
    }

    public string Text(string name, int width)
    {
        var at = Position;
        var raw = Take(name, width, $"{width} characters");
        Note(name, at, raw, raw);
        return raw;
    }

    public TFlags Positions<TFlags>(string name, int width)
        where TFlags : struct, Enum
    {
        var at = Position;
        var raw = Take(name, width, $"{width} positions of Y or blank");
        var bits = Sip2Positions.Parse(raw);
        var result = (TFlags)Enum.ToObject(typeof(TFlags), bits);
        Note(name, at, raw, bits == 0 ? "none" : result.ToString());
        return result;
    }

    internal static string Describe(Sip2Timestamp value) => value.Value is { } date
        ? date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (value.IsUtc ? " UTC" : value.Zone.Trim().Length > 0 ? " zone " + value.Zone.Trim() : " local")
        : "not given";
}
