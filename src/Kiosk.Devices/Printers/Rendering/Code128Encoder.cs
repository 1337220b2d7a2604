namespace Kiosk.Devices.Printers.Rendering;

/// <summary>
/// CODE128 code set B as modules (ISO/IEC 15417:2007 §5 and table 1): start B, one symbol per printable ASCII character,
/// the modulo-103 check symbol, stop. Used only when a printer cannot draw GS k itself.
/// </summary>
internal static class Code128Encoder
{
    private const int StartB = 104;
    private const int Stop = 106;

    // Bar, space, bar, space, bar, space widths in modules for symbol values 0–106 (ISO/IEC 15417 table 1);
    // every symbol is 11 modules wide, the stop symbol 13 (it has a final 2-module bar).
    private static readonly string[] s_widths =
    [
        "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
        "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
        "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
        "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
        "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
        "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
        "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
        "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
        "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
        "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
        "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
    ];

    /// <summary>Whether <paramref name="payload"/> fits code set B: printable ASCII, at least one character.</summary>
    public static bool CanEncode(string payload) => payload.Length > 0 && payload.All(c => c is >= ' ' and <= '~');

    /// <summary>The symbol values: start B, data, check, stop.</summary>
    public static IReadOnlyList<int> Symbols(string payload)
    {
        if (!CanEncode(payload))
        {
            throw new ArgumentException("CODE128 code set B carries printable ASCII (0x20–0x7E) only; this payload has other characters or is empty. Use a QR code for it.", nameof(payload));
        }

        var symbols = new List<int>(payload.Length + 3) { StartB };
        var sum = StartB;
        for (var index = 0; index < payload.Length; index++)
        {
            var value = payload[index] - ' ';
            symbols.Add(value);
            sum += value * (index + 1);
        }

        symbols.Add(sum % 103);
        symbols.Add(Stop);
        return symbols;
    }

    /// <summary>The modules left to right, true for bar, without quiet zones.</summary>
    public static bool[] Modules(string payload)
    {
        var modules = new List<bool>();
        foreach (var symbol in Symbols(payload))
        {
            var widths = s_widths[symbol];
            for (var element = 0; element < widths.Length; element++)
            {
                modules.AddRange(Enumerable.Repeat(element % 2 == 0, widths[element] - '0'));
            }
        }

        return [.. modules];
    }

    /// <summary>The width pattern of a symbol value, for tests that check the table.</summary>
    public static string WidthsOf(int symbol) => s_widths[symbol];
}
