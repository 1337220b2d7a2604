namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// CODE128 symbol values as bars and spaces (ISO/IEC 15417:2007 §5 and table 1). Every symbol is 11 modules wide; the
/// stop symbol is 13 (it ends with a 2-module bar).
/// </summary>
public static class Code128Symbology
{
    /// <summary>Start A, B and C.</summary>
    public const int StartA = 103, StartB = 104, StartC = 105;

    /// <summary>The stop symbol.</summary>
    public const int Stop = 106;

    // Bar, space, bar, space, bar, space widths in modules for symbol values 0–106 (ISO/IEC 15417 table 1).
    private static readonly string[] Widths =
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

    /// <summary>The width pattern of symbol <paramref name="value"/>: bar, space, … widths in modules.</summary>
    public static string WidthsOf(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Stop);
        return Widths[value];
    }

    /// <summary>The check symbol of a start symbol and data values: their weighted sum modulo 103 (ISO/IEC 15417 §5.4.5).</summary>
    public static int CheckValue(IReadOnlyList<int> startAndData)
    {
        ArgumentNullException.ThrowIfNull(startAndData);
        var sum = 0;
        for (var index = 0; index < startAndData.Count; index++)
        {
            sum += startAndData[index] * Math.Max(1, index);
        }

        return sum % 103;
    }

    /// <summary>The modules left to right of <paramref name="values"/> (start to stop), true for bar, without quiet zones.</summary>
    public static bool[] Modules(IEnumerable<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var modules = new List<bool>();
        foreach (var value in values)
        {
            var widths = WidthsOf(value);
            for (var element = 0; element < widths.Length; element++)
            {
                modules.AddRange(Enumerable.Repeat(element % 2 == 0, widths[element] - '0'));
            }
        }

        return [.. modules];
    }
}
