using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Devices.Printers.Rendering;

/// <summary>
/// CODE128 code set B as modules (ISO/IEC 15417:2007 §5 and table 1): start B, one symbol per printable ASCII character,
/// the modulo-103 check symbol, stop. Used only when a printer cannot draw GS k itself.
/// </summary>
internal static class Code128Encoder
{
    private const int StartB = Code128Symbology.StartB;
    private const int Stop = Code128Symbology.Stop;

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
    public static bool[] Modules(string payload) => Code128Symbology.Modules(Symbols(payload));

    /// <summary>The width pattern of a symbol value, for tests that check the table.</summary>
    public static string WidthsOf(int symbol) => Code128Symbology.WidthsOf(symbol);
}
