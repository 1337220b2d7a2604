namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>A receipt as text-mode bytes, with the pieces that must be rendered as raster marked in place.</summary>
public sealed record ReceiptPrintPlan(IReadOnlyList<ReceiptPrintSegment> Segments)
{
    /// <summary>Whether any piece needs the raster renderer.</summary>
    public bool NeedsRaster => Segments.Any(segment => segment is not EscPosBytesSegment);

    /// <summary>The bytes of a plan that needs no raster.</summary>
    /// <exception cref="InvalidOperationException">The plan has raster pieces; render them and join the pieces instead.</exception>
    public byte[] ToBytes()
    {
        if (NeedsRaster)
        {
            throw new InvalidOperationException("This plan has lines or codes to render as raster; render each RasterLineSegment and RasterCodeSegment and send the pieces in order.");
        }

        return [.. Segments.Cast<EscPosBytesSegment>().SelectMany(segment => segment.Bytes)];
    }
}
