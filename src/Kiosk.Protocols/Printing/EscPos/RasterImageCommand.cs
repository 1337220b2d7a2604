using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// GS v 0 m xL xH yL yH d1…dk (1D 76 30 m …): prints a raster bit image (Epson reference, "GS v 0 Print raster bit
/// image"). x = xL + 256·xH is the width in bytes, y = yL + 256·yH the height in dots, k = x·y; each row is packed
/// most-significant bit first, bit set = dot printed. Ranges: 1 ≤ x ≤ 65535 … the printer's print area, 1 ≤ y ≤ 2303
/// on TM printers, so tall images are sent as bands.
/// </summary>
public sealed record RasterImageCommand : EscPosCommand
{
    /// <summary>A band of <paramref name="bitmap"/>, printed at <paramref name="scale"/>.</summary>
    public RasterImageCommand(MonochromeBitmap bitmap, RasterScale scale = RasterScale.Normal)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        Bitmap = bitmap;
        Scale = scale;
    }

    /// <summary>The band.</summary>
    public MonochromeBitmap Bitmap { get; }

    /// <summary>The m parameter.</summary>
    public RasterScale Scale { get; }

    /// <summary>The header's length: GS v 0 m xL xH yL yH.</summary>
    public const int HeaderLength = 8;

    /// <inheritdoc/>
    public override string Name => "GS v 0";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output)
    {
        var widthBytes = Bitmap.BytesPerRow;
        var height = Bitmap.Height;
        Put(output, EscPosControl.GroupSeparator, 0x76, 0x30, (byte)Scale, (byte)(widthBytes & 0xFF), (byte)(widthBytes >> 8), (byte)(height & 0xFF), (byte)(height >> 8));
        Put(output, Bitmap.PackedRows);
    }
}
