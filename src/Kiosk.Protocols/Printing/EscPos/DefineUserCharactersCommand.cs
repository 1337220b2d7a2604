using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// ESC &amp; y c1 c2 [x d1 … d(y·x)]…: defines the user-defined characters c1 to c2 (Epson reference, "ESC &amp; Define
/// user-defined characters"). Each glyph goes column by column, left to right; a column is y bytes, top to bottom, the
/// most significant bit topmost. Font A cells are 12 × 24 dots, so y is 3 and x at most 12.
/// </summary>
/// <remarks>
/// This is how raster-quality Vietnamese reaches a printer in a fraction of the bytes of GS v 0: each distinct letter
/// of a receipt is drawn once, sent once, and then printed by its one-byte code as often as the text needs it.
/// </remarks>
public sealed record DefineUserCharactersCommand : EscPosCommand
{
    /// <summary>The lowest code a user-defined character may take (space).</summary>
    public const byte FirstDefinableCode = 0x20;

    /// <summary>The highest code a user-defined character may take ('~').</summary>
    public const byte LastDefinableCode = 0x7E;

    /// <summary>The widest glyph, in dots: Font A's cell.</summary>
    public const int MaxGlyphWidth = 12;

    /// <summary>Defines <paramref name="glyphs"/> as the characters from <paramref name="firstCode"/> on.</summary>
    /// <exception cref="ArgumentException">No glyphs, codes outside 0x20–0x7E, a glyph wider than 12 dots, or glyphs of different heights or taller than 24 dots.</exception>
    public DefineUserCharactersCommand(byte firstCode, IReadOnlyList<MonochromeBitmap> glyphs)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        if (glyphs.Count == 0)
        {
            throw new ArgumentException("ESC & needs at least one glyph.", nameof(glyphs));
        }

        if (firstCode < FirstDefinableCode || firstCode + glyphs.Count - 1 > LastDefinableCode)
        {
            throw new ArgumentException($"User-defined characters take codes 0x20–0x7E; {glyphs.Count} glyphs from 0x{firstCode:X2} do not fit.", nameof(firstCode));
        }

        var height = glyphs[0].Height;
        if (height > 24 || glyphs.Any(glyph => glyph.Height != height || glyph.Width > MaxGlyphWidth))
        {
            throw new ArgumentException("Every glyph must be at most 12 dots wide and all the same height, at most 24 dots (Font A).", nameof(glyphs));
        }

        FirstCode = firstCode;
        Glyphs = glyphs;
        BytesPerColumn = (height + 7) / 8;
    }

    /// <summary>The code of the first glyph (c1).</summary>
    public byte FirstCode { get; }

    /// <summary>The code of the last glyph (c2).</summary>
    public byte LastCode => (byte)(FirstCode + Glyphs.Count - 1);

    /// <summary>The glyphs, one per code from <see cref="FirstCode"/>.</summary>
    public IReadOnlyList<MonochromeBitmap> Glyphs { get; }

    /// <summary>y: bytes per column (3 for a 24-dot cell).</summary>
    public int BytesPerColumn { get; }

    /// <inheritdoc/>
    public override string Name => "ESC &";

    /// <summary>The glyph of one column-major definition (x columns of y bytes each), as a bitmap y·8 dots high.</summary>
    public static MonochromeBitmap GlyphFromColumns(int bytesPerColumn, int width, ReadOnlySpan<byte> columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytesPerColumn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var glyph = new MonochromeBitmap(width, bytesPerColumn * 8);
        for (var x = 0; x < width; x++)
        {
            for (var y = 0; y < glyph.Height; y++)
            {
                if ((columns[(x * bytesPerColumn) + (y >> 3)] & (0x80 >> (y & 7))) != 0)
                {
                    glyph[x, y] = true;
                }
            }
        }

        return glyph;
    }

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output)
    {
        Put(output, EscPosControl.Escape, 0x26, (byte)BytesPerColumn, FirstCode, LastCode);
        Span<byte> column = stackalloc byte[3];
        foreach (var glyph in Glyphs)
        {
            Put(output, (byte)glyph.Width);
            for (var x = 0; x < glyph.Width; x++)
            {
                column.Clear();
                for (var y = 0; y < glyph.Height; y++)
                {
                    if (glyph[x, y])
                    {
                        column[y >> 3] |= (byte)(0x80 >> (y & 7));
                    }
                }

                Put(output, column[..BytesPerColumn]);
            }
        }
    }
}
