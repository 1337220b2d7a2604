using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>ESC E n (1B 45 n): emphasized mode on (n = 1) or off (n = 0) (Epson reference, "ESC E Turn emphasized mode on/off").</summary>
public sealed record BoldCommand(bool On) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "ESC E";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) => Put(output, EscPosControl.Escape, 0x45, On ? (byte)1 : (byte)0);
}
