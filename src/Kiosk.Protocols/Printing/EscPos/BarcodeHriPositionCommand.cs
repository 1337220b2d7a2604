using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>GS H n (1D 48 n): where the human-readable digits print (Epson reference, "GS H Select print position of HRI characters").</summary>
public sealed record BarcodeHriPositionCommand(EscPosHriPosition Position) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "GS H";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) => Put(output, EscPosControl.GroupSeparator, 0x48, (byte)Position);
}
