using System.Collections.Frozen;
using System.Globalization;
using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Devices.Printers.Rendering;

/// <summary>
/// Tells which character a user-defined glyph shows, when it was drawn by <see cref="UserCharacterGlyphRenderer"/>: it
/// draws the printable ASCII and every Vietnamese letter and matches dot for dot. For the printer
/// simulator and <c>kioskctl decode escpos</c>, so a captured glyph-mode job reads back as text.
/// </summary>
public sealed class UserCharacterRecognizer
{
    private static readonly Lazy<UserCharacterRecognizer> s_shared = new(() => new UserCharacterRecognizer(UserCharacterGlyphRenderer.Shared));

    private readonly FrozenDictionary<string, string> _known;

    /// <summary>A recogniser for the glyphs <paramref name="renderer"/> draws.</summary>
    public UserCharacterRecognizer(UserCharacterGlyphRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        var known = new Dictionary<string, string>();
        foreach (var element in UserCharacterGlyphRenderer.CommonRepertoire)
        {
            // Two letters could in principle draw alike at this size; the first one listed keeps the key.
            known.TryAdd(Key(renderer.Render(element)), element);
        }

        _known = known.ToFrozenDictionary();
    }

    /// <summary>A recogniser for <see cref="UserCharacterGlyphRenderer.Shared"/>, built on first use.</summary>
    public static UserCharacterRecognizer Shared => s_shared.Value;

    /// <summary>The character <paramref name="glyph"/> shows, or null when it is not one this recogniser knows.</summary>
    public string? Recognize(MonochromeBitmap glyph)
    {
        ArgumentNullException.ThrowIfNull(glyph);
        return _known.GetValueOrDefault(Key(glyph));
    }

    private static string Key(MonochromeBitmap glyph)
    {
        // Trailing blank rows or columns a printer would not see differently are not trimmed: a glyph from the wire is
        // 12 × 24 exactly as it was drawn, so the packed rows identify it.
        return string.Create(CultureInfo.InvariantCulture, $"{glyph.Width}x{glyph.Height}:{Convert.ToHexString(glyph.PackedRows)}");
    }
}
