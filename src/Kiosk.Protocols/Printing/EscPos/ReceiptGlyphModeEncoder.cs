namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// Prints a receipt in raster quality at text-mode cost: every distinct character of the receipt is drawn once with the
/// embedded Vietnamese font, sent once as a user-defined character (ESC &amp;), and printed by its one-byte code under
/// ESC % 1. Lines keep the text-mode layout (Font A, 48 or 32 cells a line).
/// </summary>
/// <remarks>
/// Codes 0x21–0x7E are the 94 slots; the space stays undefined so the resident (blank) space prints. Codes are given
/// out in the order characters first appear; once all are taken, a line's new characters replace the ones least
/// recently printed. The lines before have been printed by their LF, so redefining a code
/// cannot change them. Bold and heading lines print the same glyphs emphasised (ESC E: each dot struck twice, the
/// second one dot to the right, on user-defined characters as on resident ones), so a letter costs one slot whatever
/// its weight; headings are also GS ! double height, as in text mode.
/// </remarks>
public static class ReceiptGlyphModeEncoder
{
    /// <summary>The plan for <paramref name="receipt"/>: bytes, with only codes the printer cannot draw left for the raster renderer.</summary>
    public static ReceiptPrintPlan Encode(Receipt receipt, TextModeCapabilities capabilities, IUserCharacterGlyphs glyphs)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(glyphs);
        var segments = new List<ReceiptPrintSegment>();
        var writer = new EscPosWriter().Initialize();
        if (receipt.Logo is { } logo)
        {
            writer.Raster(logo, capabilities.Raster);
        }

        writer.Write(new SelectUserCharactersCommand(true));
        var lines = new UserCharacterLineWriter(glyphs);
        foreach (var line in ReceiptLayout.Layout(receipt, capabilities.WidthCharacters))
        {
            var bold = line.Style != ReceiptLineStyle.Normal;
            writer.Align(line.Alignment == ReceiptAlignment.Center ? EscPosAlignment.Center : EscPosAlignment.Left);
            if (bold)
            {
                writer.Bold(true);
            }

            if (line.Style == ReceiptLineStyle.Heading)
            {
                writer.CharacterSize(1, 2);
            }

            lines.Write(writer, line.Text);
            writer.LineFeed();
            if (line.Style == ReceiptLineStyle.Heading)
            {
                writer.CharacterSize(1, 1);
            }

            if (bold)
            {
                writer.Bold(false);
            }
        }

        writer.Write(new SelectUserCharactersCommand(false));
        if (receipt.Code is { } code)
        {
            ReceiptTextModeEncoder.WriteCode(segments, ref writer, code, capabilities);
        }

        ReceiptTextModeEncoder.Finish(writer, capabilities);
        ReceiptTextModeEncoder.Flush(segments, ref writer);
        return new ReceiptPrintPlan(segments);
    }
}
