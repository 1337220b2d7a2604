using System.Collections.Frozen;
using System.Text;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// TCVN 5712:1993 VN3 ("TCVN-3", "ABC"), the 8-bit Vietnamese code that Epson ESC/POS printers carry as code pages 30
/// (lowercase) and 31 (capitals). Bytes 0x20–0x7E are ASCII in both. It reports, character by character, which table
/// can print it, so the caller can switch pages for a run or render just the unprintable line as raster.
/// </summary>
/// <remarks>
/// <para>Sources for the byte values. VN3 proper (the lowercase table): the TCVN 5712:1993 table as summarised in
/// Wikipedia's "VSCII" article (VSCII-3 adds 67 lowercase letters, 7 unaccented capitals and NBSP to ASCII), and checked
/// byte for byte on this machine against glibc's TCVN5712-1 converter (<c>iconv -f TCVN5712-1</c>), whose 0xA0–0xFF
/// lowercase positions VN3 shares: ă 0xA8, â 0xA9, ê 0xAA, ô 0xAB, ơ 0xAC, ư 0xAD, đ 0xAE; à ả ã á ạ 0xB5–0xB9; then
/// each vowel's five tones in the order grave, hook above, tilde, acute, dot below (see <see cref="LowercaseRows"/>).</para>
/// <para>The capitals table: the all-capital ("H") font convention draws the capital at the lowercase letter's byte, and
/// the escpos-printer-db transcription of Epson page 31 (as carried by the TCVN-3-2 table of the Apache-2.0 vncharsets
/// library) agrees for every toned capital (À 0xB5 … Ỵ 0xFE). For the seven unaccented capitals that transcription has
/// Ă 0xA1, Â 0xA2, Đ 0xA7 (VN3's own capital positions) but Ê Ô Ơ Ư at 0xAA–0xAD (the lowercase positions); we encode
/// those, since an H font draws a capital at either position, and decode both positions in page 31 as capitals.</para>
/// <para>VN3 proper also places Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7 in the lowercase table, but the Epson page-30 transcription
/// leaves them blank, so capitals are only ever encoded in the capitals table; the decoder still reads 0xA1–0xA7 in
/// page 30 as VN3 defines them.</para>
/// </remarks>
public static class Tcvn3Encoding
{
    /// <summary>The tone marks in table order: grave, hook above, tilde, acute, dot below.</summary>
    private static readonly char[] ToneMarks = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

    /// <summary>Each toned vowel's five bytes, in the order of <see cref="ToneMarks"/>.</summary>
    private static readonly (string Vowel, byte[] Bytes)[] LowercaseRows =
    [
        ("a", [0xB5, 0xB6, 0xB7, 0xB8, 0xB9]),
        ("ă", [0xBB, 0xBC, 0xBD, 0xBE, 0xC6]),
        ("â", [0xC7, 0xC8, 0xC9, 0xCA, 0xCB]),
        ("e", [0xCC, 0xCE, 0xCF, 0xD0, 0xD1]),
        ("ê", [0xD2, 0xD3, 0xD4, 0xD5, 0xD6]),
        ("i", [0xD7, 0xD8, 0xDC, 0xDD, 0xDE]),
        ("o", [0xDF, 0xE1, 0xE2, 0xE3, 0xE4]),
        ("ô", [0xE5, 0xE6, 0xE7, 0xE8, 0xE9]),
        ("ơ", [0xEA, 0xEB, 0xEC, 0xED, 0xEE]),
        ("u", [0xEF, 0xF1, 0xF2, 0xF3, 0xF4]),
        ("ư", [0xF5, 0xF6, 0xF7, 0xF8, 0xF9]),
        ("y", [0xFA, 0xFB, 0xFC, 0xFD, 0xFE]),
    ];

    /// <summary>The unaccented letters outside ASCII, lowercase table.</summary>
    private static readonly (char Letter, byte Byte)[] LowercaseBases =
    [
        ('ă', 0xA8), ('â', 0xA9), ('ê', 0xAA), ('ô', 0xAB), ('ơ', 0xAC), ('ư', 0xAD), ('đ', 0xAE),
    ];

    /// <summary>The unaccented capitals outside ASCII, as encoded in the capitals table (see remarks).</summary>
    private static readonly (char Letter, byte Byte)[] CapitalBases =
    [
        ('Ă', 0xA1), ('Â', 0xA2), ('Đ', 0xA7), ('Ê', 0xAA), ('Ô', 0xAB), ('Ơ', 0xAC), ('Ư', 0xAD),
    ];

    /// <summary>VN3's own positions of the unaccented capitals, 0xA1–0xA7, decoded in both tables.</summary>
    private static readonly (char Letter, byte Byte)[] StandardCapitalBases =
    [
        ('Ă', 0xA1), ('Â', 0xA2), ('Ê', 0xA3), ('Ô', 0xA4), ('Ơ', 0xA5), ('Ư', 0xA6), ('Đ', 0xA7),
    ];

    private static readonly FrozenDictionary<char, byte> LowercaseEncoder = BuildLowercase().ToFrozenDictionary();
    private static readonly FrozenDictionary<char, byte> CapitalEncoder = BuildCapitals().ToFrozenDictionary();
    private static readonly char[] LowercaseDecoder = BuildDecoder(Tcvn3Table.Lowercase);
    private static readonly char[] CapitalDecoder = BuildDecoder(Tcvn3Table.Capitals);

    /// <summary>Every non-ASCII letter the lowercase table carries (67).</summary>
    public static IReadOnlyCollection<char> LowercaseLetters => LowercaseEncoder.Keys;

    /// <summary>Every non-ASCII letter the capitals table carries (67).</summary>
    public static IReadOnlyCollection<char> CapitalLetters => CapitalEncoder.Keys;

    /// <summary>Which table can print <paramref name="c"/> (an NFC character).</summary>
    public static Tcvn3CharacterClass Classify(char c) => c switch
    {
        >= ' ' and <= '~' => Tcvn3CharacterClass.Ascii,
        _ when LowercaseEncoder.ContainsKey(c) => Tcvn3CharacterClass.Lowercase,
        _ when CapitalEncoder.ContainsKey(c) => Tcvn3CharacterClass.Capital,
        _ => Tcvn3CharacterClass.Unsupported,
    };

    /// <summary>The byte for <paramref name="c"/> in <paramref name="table"/>, if that table has it.</summary>
    public static bool TryEncode(char c, Tcvn3Table table, out byte value)
    {
        if (c is >= ' ' and <= '~')
        {
            value = (byte)c;
            return true;
        }

        return (table == Tcvn3Table.Lowercase ? LowercaseEncoder : CapitalEncoder).TryGetValue(c, out value);
    }

    /// <summary>
    /// Encodes <paramref name="text"/> (normalised to NFC first) in one table.
    /// </summary>
    /// <exception cref="ArgumentException">A character is not in <paramref name="table"/>; check with <see cref="FindUnencodable"/>.</exception>
    public static byte[] Encode(string text, Tcvn3Table table)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormC);
        var bytes = new byte[normalized.Length];
        for (var i = 0; i < normalized.Length; i++)
        {
            if (!TryEncode(normalized[i], table, out bytes[i]))
            {
                throw new ArgumentException($"TCVN-3 {table} has no byte for '{normalized[i]}' (U+{(int)normalized[i]:X4}) at index {i}; print it as raster.", nameof(text));
            }
        }

        return bytes;
    }

    /// <summary>The character byte <paramref name="value"/> prints in <paramref name="table"/>, or U+FFFD where the table has none.</summary>
    public static char Decode(byte value, Tcvn3Table table) =>
        (table == Tcvn3Table.Lowercase ? LowercaseDecoder : CapitalDecoder)[value];

    /// <summary>Decodes <paramref name="bytes"/> with one table.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, Tcvn3Table table)
    {
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            builder.Append(Decode(b, table));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The indexes, in the NFC form of <paramref name="text"/>, of the characters neither table carries: these must be
    /// printed as raster.
    /// </summary>
    public static IReadOnlyList<int> FindUnencodable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormC);
        var indexes = new List<int>();
        for (var i = 0; i < normalized.Length; i++)
        {
            if (Classify(normalized[i]) == Tcvn3CharacterClass.Unsupported)
            {
                indexes.Add(i);
            }
        }

        return indexes;
    }

    private static IEnumerable<KeyValuePair<char, byte>> BuildLowercase()
    {
        foreach (var (letter, value) in LowercaseBases)
        {
            yield return new(letter, value);
        }

        foreach (var (vowel, bytes) in LowercaseRows)
        {
            for (var tone = 0; tone < ToneMarks.Length; tone++)
            {
                yield return new(Compose(vowel, ToneMarks[tone]), bytes[tone]);
            }
        }
    }

    private static IEnumerable<KeyValuePair<char, byte>> BuildCapitals()
    {
        foreach (var (letter, value) in CapitalBases)
        {
            yield return new(letter, value);
        }

        foreach (var (vowel, bytes) in LowercaseRows)
        {
            for (var tone = 0; tone < ToneMarks.Length; tone++)
            {
                yield return new(char.ToUpperInvariant(Compose(vowel, ToneMarks[tone])), bytes[tone]);
            }
        }
    }

    private static char Compose(string vowel, char tone)
    {
        var composed = (vowel + tone).Normalize(NormalizationForm.FormC);
        return composed.Length == 1 ? composed[0] : throw new InvalidOperationException($"'{vowel}' with U+{(int)tone:X4} has no precomposed form.");
    }

    private static char[] BuildDecoder(Tcvn3Table table)
    {
        var map = new char[256];
        Array.Fill(map, '\uFFFD');
        for (var b = 0x20; b <= 0x7E; b++)
        {
            map[b] = (char)b;
        }

        map[0xA0] = '\u00A0';
        foreach (var (letter, value) in StandardCapitalBases)
        {
            map[value] = letter;
        }

        var encoder = table == Tcvn3Table.Lowercase ? BuildLowercase() : BuildCapitals().Concat(LowercaseBases.Select(pair => new KeyValuePair<char, byte>(char.ToUpperInvariant(pair.Letter), pair.Byte)));
        foreach (var (letter, value) in encoder)
        {
            map[value] = letter;
        }

        return map;
    }
}
