using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// ESC - n (1B 2D n): underline off (n = 0 or 48), one dot thick (1 or 49) or two dots thick (2 or 50) (Epson
/// reference, "ESC - Turn underline mode on/off").
/// </summary>
public sealed record UnderlineCommand(byte Thickness) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "ESC -";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) => Put(output, EscPosControl.Escape, 0x2D, Thickness);
}
