using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// ESC \ nL nH (1B 5C nL nH): moves the print position by nL + 256·nH horizontal motion units from where it is, a
/// two's-complement number, so a negative value moves left (Epson reference, "ESC \ Set relative print position").
/// </summary>
public sealed record RelativePositionCommand(short Units) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "ESC \\";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) =>
        Put(output, EscPosControl.Escape, 0x5C, (byte)(Units & 0xFF), (byte)((ushort)Units >> 8));
}
