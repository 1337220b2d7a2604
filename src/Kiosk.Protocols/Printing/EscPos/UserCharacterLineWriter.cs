using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// Writes lines of text as user-defined characters: defines the glyphs a line needs that the printer does not hold yet
/// (ESC &amp;), then writes the line as their one-byte codes. One writer per job, because it remembers which code holds
/// which letter; ESC @ forgets them all on the printer, so start a new writer after one.
/// </summary>
/// <remarks>The caller selects the user-defined set (ESC % 1) before the first line and cancels it after the last.</remarks>
public sealed class UserCharacterLineWriter(IUserCharacterGlyphs glyphs)
{
    private readonly IUserCharacterGlyphs _glyphs = glyphs ?? throw new ArgumentNullException(nameof(glyphs));
    private readonly GlyphSlots _slots = new();
    private readonly List<byte> _codes = [];

    /// <summary>How many glyphs this writer has sent so far.</summary>
    public int GlyphsDefined { get; private set; }

    /// <summary>Defines what <paramref name="text"/> needs and writes its codes, without the line feed.</summary>
    public void Write(EscPosWriter writer, string text)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(text);
        var elements = TextElements(text);
        foreach (var (firstCode, keys) in _slots.Assign(elements.Where(element => element != " ")))
        {
            writer.Write(new DefineUserCharactersCommand(firstCode, [.. keys.Select(_glyphs.Render)]));
            GlyphsDefined += keys.Count;
        }

        _codes.Clear();
        _codes.AddRange(elements.Select(element => element == " " ? (byte)' ' : _slots.CodeOf(element)));
        writer.Text(CollectionsMarshal.AsSpan(_codes));
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>(text.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(text.Normalize(NormalizationForm.FormC));
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();

            // Tabs or other controls have no place in a laid-out line; they print as a blank cell.
            elements.Add(element.Length == 1 && char.IsControl(element[0]) ? " " : element);
        }

        return elements;
    }
}
