using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// GS ( L or GS 8 L function 112 (m = 48, fn = 112): stores a raster image in the print buffer, to be printed by
/// <see cref="PrintGraphicsCommand"/> (Epson reference, "GS ( L / GS 8 L &lt;Function 112&gt; Store the graphics data
/// in the print buffer (raster format)"). After fn come a = 48 (monochrome), bx and by (1 or 2, the dot magnification),
/// c = 49 (first colour), then x and y in dots, low byte first, and ⌈x / 8⌉·y bytes of rows packed like GS v 0.
/// GS ( L counts its parameters in two bytes, GS 8 L in four, so an image of more than 65 525 data bytes needs GS 8 L.
/// </summary>
public sealed record StoreGraphicsCommand : EscPosCommand
{
    /// <summary>Parameter bytes before the image data: m fn a bx by c xL xH yL yH.</summary>
    public const int ParameterHeaderLength = 10;

    /// <summary>A store of <paramref name="bitmap"/>, magnified <paramref name="horizontalScale"/> × <paramref name="verticalScale"/>.</summary>
    public StoreGraphicsCommand(MonochromeBitmap bitmap, byte horizontalScale = 1, byte verticalScale = 1)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizontalScale, (byte)1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(horizontalScale, (byte)2);
        ArgumentOutOfRangeException.ThrowIfLessThan(verticalScale, (byte)1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(verticalScale, (byte)2);
        Bitmap = bitmap;
        HorizontalScale = horizontalScale;
        VerticalScale = verticalScale;
    }

    /// <summary>The image.</summary>
    public MonochromeBitmap Bitmap { get; }

    /// <summary>bx: 1 or 2.</summary>
    public byte HorizontalScale { get; }

    /// <summary>by: 1 or 2.</summary>
    public byte VerticalScale { get; }

    /// <summary>Whether the parameters need GS 8 L's four-byte count.</summary>
    public bool NeedsLongForm => ParameterHeaderLength + Bitmap.PackedRows.Length > ushort.MaxValue;

    /// <inheritdoc/>
    public override string Name => NeedsLongForm ? "GS 8 L" : "GS ( L";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output)
    {
        var count = ParameterHeaderLength + Bitmap.PackedRows.Length;
        if (NeedsLongForm)
        {
            Put(output, EscPosControl.GroupSeparator, 0x38, 0x4C, (byte)count, (byte)(count >> 8), (byte)(count >> 16), (byte)(count >> 24));
        }
        else
        {
            Put(output, EscPosControl.GroupSeparator, 0x28, 0x4C, (byte)count, (byte)(count >> 8));
        }

        Put(output, 48, 112, 48, HorizontalScale, VerticalScale, 49, (byte)Bitmap.Width, (byte)(Bitmap.Width >> 8), (byte)Bitmap.Height, (byte)(Bitmap.Height >> 8));
        Put(output, Bitmap.PackedRows);
    }
}
