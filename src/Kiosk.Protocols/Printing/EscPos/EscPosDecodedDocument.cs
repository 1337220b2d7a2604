using System.Text;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>A whole decoded job: its items, the text it prints, its barcodes and QR codes, and what was wrong with it.</summary>
public sealed class EscPosDecodedDocument
{
    /// <summary>Dots per Font A character (12 × 24), for turning ESC $ and ESC \ positions into columns of text.</summary>
    private const int FontACharacterWidth = 12;

    /// <summary>The items of <paramref name="items"/>, in stream order.</summary>
    public EscPosDecodedDocument(IReadOnlyList<EscPosDecodedItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        var text = new StringBuilder();
        var lineStart = 0;
        foreach (var item in items)
        {
            switch (item.Command)
            {
                case LineFeedCommand:
                    text.Append('\n');
                    lineStart = text.Length;
                    break;
                case FeedLinesCommand feed:
                    text.Append('\n', Math.Max(1, (int)feed.Lines));
                    lineStart = text.Length;
                    break;
                case AbsolutePositionCommand absolute:
                    // Columns laid out by position (receiptline does this) read as columns: pad with spaces to it.
                    text.Append(' ', Math.Max(0, (absolute.Units / FontACharacterWidth) - (text.Length - lineStart)));
                    break;
                case RelativePositionCommand relative when relative.Units > 0:
                    text.Append(' ', relative.Units / FontACharacterWidth);
                    break;
                default:
                    text.Append(item.Text);
                    break;
            }
        }

        Text = text.ToString();
        Symbols = [.. items.Where(item => item.Symbol is not null).Select(item => item.Symbol!)];
        Cuts = items.Count(item => item.Command is CutCommand || (item.Name == "GS V" && item.Kind == EscPosItemKind.Command));
    }

    /// <summary>Commands, text runs and skipped stretches, in stream order.</summary>
    public IReadOnlyList<EscPosDecodedItem> Items { get; }

    /// <summary>
    /// The printed text: text runs, with LF and ESC d as line breaks, and ESC $ / ESC \ positions as spaces (one per
    /// 12-dot Font A column).
    /// </summary>
    public string Text { get; }

    /// <summary>The barcodes and QR codes printed, in order.</summary>
    public IReadOnlyList<EscPosPrintedSymbol> Symbols { get; }

    /// <summary>How many cuts (GS V) the job makes.</summary>
    public int Cuts { get; }

    /// <summary>How many stretches were skipped as unknown.</summary>
    public int UnknownCount => Items.Count(item => item.Kind == EscPosItemKind.Unknown);

    /// <summary>The malformed or truncated items, which make the job not decode whole.</summary>
    public IReadOnlyList<EscPosDecodedItem> Problems => [.. Items.Where(item => item.Kind == EscPosItemKind.Malformed)];
}
