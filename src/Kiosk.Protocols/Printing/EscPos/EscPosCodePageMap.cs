using System.Text;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// Which character table each ESC t number selects on one printer, for decoding its text. The Epson numbering
/// (ESC/POS reference, "ESC t Select character code table"): 0 PC437, 2 PC850, 16 WPC1252, 30 TCVN-3 lowercase,
/// 31 TCVN-3 capitals, 52 WPC1258. Clones renumber, so a profile can move the TCVN-3 pair.
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
        [16] = WindowsPage("WPC1252", 1252),
        [30] = ("TCVN-3 lowercase", bytes => Tcvn3Encoding.Decode(bytes, Tcvn3Table.Lowercase)),
        [31] = ("TCVN-3 capitals", bytes => Tcvn3Encoding.Decode(bytes, Tcvn3Table.Capitals)),
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
