using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>ESC @ (1B 40): clears the print buffer and resets modes (Epson reference, "ESC @ Initialize printer").</summary>
public sealed record InitializeCommand : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "ESC @";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) => Put(output, EscPosControl.Escape, 0x40);
}
