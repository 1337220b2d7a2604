using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>GS h n (1D 68 n): barcode height in dots, 1 to 255 (Epson reference, "GS h Set barcode height").</summary>
public sealed record BarcodeHeightCommand(byte Dots) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "GS h";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) => Put(output, EscPosControl.GroupSeparator, 0x68, Dots);
}
