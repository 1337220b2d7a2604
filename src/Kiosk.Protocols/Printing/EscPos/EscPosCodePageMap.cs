using System.Text;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// Which character table each ESC t number selects on one printer, for decoding its text. The Epson numbering
/// (ESC/POS reference, "ESC t Select character code table", page 0 to 53) for every table .NET can decode: the DOS
/// pages (19 is PC858, PC850 with € at 0xD5), the Windows pages 1250 to 1258, ISO 8859-2, -7 and -15, and TCVN-3 at
/// 30 (lowercase) and 31 (capitals). Clones renumber, so a profile can move the TCVN-3 pair. Katakana, Thai and the
/// other tables .NET lacks decode as U+FFFD above 0x7F.
/// </summary>
public sealed class EscPosCodePageMap
{
    private readonly Dictionary<byte, (string Name, Func<byte[], string> Decode)> _pages;

    static EscPosCodePageMap() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private EscPosCodePageMap(Dictionary<byte, (string Name, Func<byte[], string> Decode)> pages) => _pages = pages;

    /// <summary>Epson's numbering.</summary>
    public static EscPosCodePageMap Epson { get; } = new(new Dictionary<byte, (string, Func<byte[], string>)>
    {
        [0] = WindowsPage("PC437", 437),
        [2] = WindowsPage("PC850", 850),
        [3] = WindowsPage("PC860", 860),
        [4] = WindowsPage("PC863", 863),
        [5] = WindowsPage("PC865", 865),
        [13] = WindowsPage("PC857", 857),
        [14] = WindowsPage("PC737", 737),
        [15] = WindowsPage("ISO8859-7", 28597),
        [16] = WindowsPage("WPC1252", 1252),
        [17] = WindowsPage("PC866", 866),
        [18] = WindowsPage("PC852", 852),
        [19] = WindowsPage("PC858", 858),
        [30] = ("TCVN-3 lowercase", bytes => Tcvn3Encoding.Decode(bytes, Tcvn3Table.Lowercase)),
        [31] = ("TCVN-3 capitals", bytes => Tcvn3Encoding.Decode(bytes, Tcvn3Table.Capitals)),
        [33] = WindowsPage("WPC775", 775),
        [34] = WindowsPage("PC855", 855),
        [35] = WindowsPage("PC861", 861),
        [36] = WindowsPage("PC862", 862),
        [37] = WindowsPage("PC864", 864),
        [38] = WindowsPage("PC869", 869),
        [39] = WindowsPage("ISO8859-2", 28592),
        [40] = WindowsPage("ISO8859-15", 28605),
        [45] = WindowsPage("WPC1250", 1250),
        [46] = WindowsPage("WPC1251", 1251),
        [47] = WindowsPage("WPC1253", 1253),
        [48] = WindowsPage("WPC1254", 1254),
        [49] = WindowsPage("WPC1255", 1255),
        [50] = WindowsPage("WPC1256", 1256),
        [51] = WindowsPage("WPC1257", 1257),
        [52] = WindowsPage("WPC1258", 1258),
    });

    /// <summary>
    /// This map with TCVN-3 at <paramref name="lowercasePage"/> and <paramref name="capitalsPage"/> instead of wherever it was.
    /// </summary>
    public EscPosCodePageMap WithTcvn3Pages(byte lowercasePage, byte capitalsPage)
    {
        var pages = _pages.Where(pair => !pair.Value.Name.StartsWith("TCVN-3", StringComparison.Ordinal)).ToDictionary();
        pages[lowercasePage] = ("TCVN-3 lowercase", bytes => Tcvn3Encoding.Decode(bytes, Tcvn3Table.Lowercase));
        pages[capitalsPage] = ("TCVN-3 capitals", bytes => Tcvn3Encoding.Decode(bytes, Tcvn3Table.Capitals));
        return new EscPosCodePageMap(pages);
    }

    /// <summary>The table's name, or "page n (unknown)".</summary>
    public string NameOf(byte page) => _pages.TryGetValue(page, out var entry) ? entry.Name : $"page {page} (unknown)";

    /// <summary>
    /// Decodes printable bytes with page <paramref name="page"/>. Bytes of an unknown page above 0x7F read as U+FFFD;
    /// CP1258's combining tone marks are composed (NFC).
    /// </summary>
    public string Decode(byte page, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (_pages.TryGetValue(page, out var entry))
        {
            return entry.Decode(bytes);
        }

        return new string([.. bytes.Select(b => b < 0x80 ? (char)b : '\uFFFD')]);
    }

    private static (string, Func<byte[], string>) WindowsPage(string name, int codePage) =>
        (name, bytes => Encoding.GetEncoding(codePage).GetString(bytes).Normalize(NormalizationForm.FormC));
}
