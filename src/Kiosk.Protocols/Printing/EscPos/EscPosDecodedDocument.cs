using System.Text;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>A whole decoded job: its items, the text it prints, and what was wrong with it.</summary>
public sealed class EscPosDecodedDocument
{
    /// <summary>The items of <paramref name="items"/>, in stream order.</summary>
    public EscPosDecodedDocument(IReadOnlyList<EscPosDecodedItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        var text = new StringBuilder();
        foreach (var item in items)
        {
            switch (item.Command)
            {
                case LineFeedCommand:
                    text.Append('\n');
                    break;
                case FeedLinesCommand feed:
                    text.Append('\n', Math.Max(1, (int)feed.Lines));
                    break;
                default:
                    text.Append(item.Text);
                    break;
            }
        }

        Text = text.ToString();
    }

    /// <summary>Commands, text runs and skipped stretches, in stream order.</summary>
    public IReadOnlyList<EscPosDecodedItem> Items { get; }

    /// <summary>The printed text: text runs, with LF and ESC d as line breaks.</summary>
    public string Text { get; }

    /// <summary>How many stretches were skipped as unknown.</summary>
    public int UnknownCount => Items.Count(item => item.Kind == EscPosItemKind.Unknown);

    /// <summary>The malformed or truncated items, which make the job not decode whole.</summary>
    public IReadOnlyList<EscPosDecodedItem> Problems => [.. Items.Where(item => item.Kind == EscPosItemKind.Malformed)];
}
