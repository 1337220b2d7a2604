using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>ESC a n (1B 61 n): justification of the following lines and raster images (Epson reference, "ESC a Select justification").</summary>
public sealed record AlignCommand(EscPosAlignment Alignment) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "ESC a";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) => Put(output, EscPosControl.Escape, 0x61, (byte)Alignment);
}
