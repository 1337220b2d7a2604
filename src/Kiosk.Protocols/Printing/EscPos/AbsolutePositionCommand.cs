using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// ESC $ nL nH (1B 24 nL nH): the next character prints nL + 256·nH horizontal motion units from the start of the line
/// (Epson reference, "ESC $ Set absolute print position"). One unit is one dot at the default GS P on 203 dpi printers.
/// </summary>
public sealed record AbsolutePositionCommand(ushort Units) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "ESC $";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) =>
        Put(output, EscPosControl.Escape, 0x24, (byte)(Units & 0xFF), (byte)(Units >> 8));
}
