namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// Draws one character (a text element: a letter with its marks) into a Font A cell, for ESC &amp;. The drawing itself
/// needs a font engine, so it lives with the renderer (Kiosk.Devices); this codec only packs and places the cells.
/// </summary>
public interface IUserCharacterGlyphs
{
    /// <summary>The glyph of <paramref name="textElement"/>: at most 12 dots wide and 24 high, every glyph the same height.</summary>
    MonochromeBitmap Render(string textElement);
}
