using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// ESC * m nL nH d1…dk (1B 2A …): a bit image of n = nL + 256·nH columns, each one byte (m = 0, 1) or three bytes
/// (m = 32, 33) top to bottom, most significant bit at the top (Epson reference, "ESC * Select bit-image mode"). It
/// prints in the line like a character; the LF after it prints the line.
/// </summary>
public sealed record BitImageCommand : EscPosCommand
{
    /// <summary>An image of <paramref name="bitmap"/> (8 or 24 dots tall) in <paramref name="mode"/>.</summary>
    /// <exception cref="ArgumentException">The bitmap is not as tall as the mode's columns.</exception>
    public BitImageCommand(MonochromeBitmap bitmap, EscPosBitImageMode mode)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        if (bitmap.Height != BytesPerColumn(mode) * 8)
        {
            throw new ArgumentException($"ESC * mode {(byte)mode} takes columns {BytesPerColumn(mode) * 8} dots tall; the bitmap is {bitmap.Height}.", nameof(bitmap));
        }

        Bitmap = bitmap;
        Mode = mode;
    }

    /// <summary>The image as sent, one dot per bit.</summary>
    public MonochromeBitmap Bitmap { get; }

    /// <summary>The m parameter.</summary>
    public EscPosBitImageMode Mode { get; }

    /// <summary>Printed dots per image dot across: 2 in single-density modes.</summary>
    public int HorizontalScale => Mode is EscPosBitImageMode.EightDotSingleDensity or EscPosBitImageMode.TwentyFourDotSingleDensity ? 2 : 1;

    /// <summary>Printed dots per image dot down: 3 in 8-dot modes (one third of the vertical density).</summary>
    public int VerticalScale => BytesPerColumn(Mode) == 1 ? 3 : 1;

    /// <inheritdoc/>
    public override string Name => "ESC *";

    /// <summary>Bytes per column for <paramref name="mode"/>: 1 or 3, or 0 for a value the reference does not list.</summary>
    public static int BytesPerColumn(EscPosBitImageMode mode) => mode switch
    {
        EscPosBitImageMode.EightDotSingleDensity or EscPosBitImageMode.EightDotDoubleDensity => 1,
        EscPosBitImageMode.TwentyFourDotSingleDensity or EscPosBitImageMode.TwentyFourDotDoubleDensity => 3,
        _ => 0,
    };

    /// <summary>The bitmap of <paramref name="columns"/> columns of <paramref name="bytesPerColumn"/> bytes each.</summary>
    public static MonochromeBitmap BitmapFromColumns(int bytesPerColumn, int columns, ReadOnlySpan<byte> data)
    {
        var bitmap = new MonochromeBitmap(columns, bytesPerColumn * 8);
        for (var x = 0; x < columns; x++)
        {
            for (var y = 0; y < bitmap.Height; y++)
            {
                bitmap[x, y] = (data[(x * bytesPerColumn) + (y >> 3)] & (0x80 >> (y & 7))) != 0;
            }
        }

        return bitmap;
    }

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output)
    {
        var perColumn = BytesPerColumn(Mode);
        var data = new byte[Bitmap.Width * perColumn];
        for (var x = 0; x < Bitmap.Width; x++)
        {
            for (var y = 0; y < Bitmap.Height; y++)
            {
                if (Bitmap[x, y])
                {
                    data[(x * perColumn) + (y >> 3)] |= (byte)(0x80 >> (y & 7));
                }
            }
        }

        Put(output, EscPosControl.Escape, 0x2A, (byte)Mode, (byte)(Bitmap.Width & 0xFF), (byte)(Bitmap.Width >> 8));
        Put(output, data);
    }
}
