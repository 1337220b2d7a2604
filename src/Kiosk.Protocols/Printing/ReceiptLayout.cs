using System.Globalization;
using System.Text;

namespace Kiosk.Protocols.Printing;

/// <summary>
/// Lays a receipt out as lines of at most a given number of characters. The text-mode encoder prints these lines; the
/// raster renderer draws the same lines, so both modes read alike.
/// </summary>
public static class ReceiptLayout
{
    /// <summary>Characters per line of Font A on 80 mm paper (576 dots / 12).</summary>
    public const int Width80Millimetres = 48;

    /// <summary>Characters per line of Font A on 58 mm paper (384 dots / 12).</summary>
    public const int Width58Millimetres = 32;

    /// <summary>Lines for <paramref name="receipt"/> at <paramref name="width"/> characters, text in NFC.</summary>
    public static IReadOnlyList<ReceiptLine> Layout(Receipt receipt, int width)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        var labels = ReceiptLabels.For(receipt.Language);
        var lines = new List<ReceiptLine>();
        var separator = new string('-', width);

        Add(lines, Wrap(receipt.LibraryName, width), ReceiptLineStyle.Heading, ReceiptAlignment.Center);
        Add(lines, Wrap(receipt.Address, width), ReceiptLineStyle.Normal, ReceiptAlignment.Center);
        lines.Add(new ReceiptLine(string.Empty));
        Add(lines, Wrap($"{labels.Patron}: {receipt.Patron}", width, 2));
        lines.Add(new ReceiptLine($"{labels.PrintedAt}: {receipt.PrintedAt.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}"));
        lines.Add(new ReceiptLine(separator));

        for (var index = 0; index < receipt.Items.Count; index++)
        {
            var item = receipt.Items[index];
            var number = (index + 1).ToString(CultureInfo.InvariantCulture) + ". ";
            Add(lines, Wrap(number + item.Title, width, number.Length));
            var status = item.DueDate is { } due
                ? $"{labels.Due}: {due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}"
                : labels.Returned;
            lines.Add(new ReceiptLine(new string(' ', number.Length) + status, item.IsReturned ? ReceiptLineStyle.Normal : ReceiptLineStyle.Bold));
        }

        lines.Add(new ReceiptLine(separator));
        lines.Add(new ReceiptLine(string.Create(CultureInfo.InvariantCulture, $"{labels.BorrowedTotal}: {receipt.BorrowedCount}")));
        lines.Add(new ReceiptLine(string.Create(CultureInfo.InvariantCulture, $"{labels.ReturnedTotal}: {receipt.ReturnedCount}")));

        var messages = receipt.ScreenMessages.Concat(receipt.PrintLines).Where(message => !string.IsNullOrWhiteSpace(message)).ToList();
        if (messages.Count > 0)
        {
            lines.Add(new ReceiptLine(string.Empty));
            foreach (var message in messages)
            {
                Add(lines, Wrap(message, width));
            }
        }

        lines.Add(new ReceiptLine(string.Empty));
        Add(lines, Wrap(labels.Thanks, width), ReceiptLineStyle.Normal, ReceiptAlignment.Center);
        return lines;
    }

    /// <summary>
    /// Breaks <paramref name="text"/> into lines of at most <paramref name="width"/> characters at spaces; a word longer
    /// than a line is cut. Lines after the first are indented by <paramref name="hangingIndent"/> spaces.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width, int hangingIndent = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegative(hangingIndent);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(hangingIndent, width);

        // Control characters from the ILS would start printer commands; NFC keeps one character per letter.
        var clean = new string([.. text.Normalize(NormalizationForm.FormC).Select(c => char.IsControl(c) ? ' ' : c)]);
        var words = clean.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in words)
        {
            var remaining = word;
            while (remaining.Length > 0)
            {
                var indent = lines.Count == 0 ? 0 : hangingIndent;
                if (current.Length == 0)
                {
                    current.Append(' ', indent);
                }

                var hasWord = current.Length > indent;
                var room = width - current.Length - (hasWord ? 1 : 0);
                if (remaining.Length <= room)
                {
                    current.Append(hasWord ? " " : string.Empty).Append(remaining);
                    remaining = string.Empty;
                }
                else if (hasWord)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                }
                else
                {
                    current.Append(remaining[..room]);
                    remaining = remaining[room..];
                    lines.Add(current.ToString());
                    current.Clear();
                }
            }
        }

        if (current.Length > 0 || lines.Count == 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    private static void Add(List<ReceiptLine> lines, IEnumerable<string> texts, ReceiptLineStyle style = ReceiptLineStyle.Normal, ReceiptAlignment alignment = ReceiptAlignment.Left) =>
        lines.AddRange(texts.Select(text => new ReceiptLine(text, style, alignment)));
}
