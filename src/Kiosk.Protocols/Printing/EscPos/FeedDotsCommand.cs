using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// ESC J n (1B 4A n): prints the buffer and feeds n vertical motion units (Epson reference, "ESC J Print and feed
/// paper"). The raster encoder uses it for blank rows, taking one unit as one dot as the printer profile states.
/// </summary>
public sealed record FeedDotsCommand(byte Dots) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "ESC J";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) => Put(output, EscPosControl.Escape, 0x4A, Dots);
}
