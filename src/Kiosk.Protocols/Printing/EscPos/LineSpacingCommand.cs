using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// ESC 3 n (1B 33 n): line spacing n vertical motion units, one dot at the default GS P on 203 dpi printers (Epson
/// reference, "ESC 3 Set line spacing"); ESC 2 (1B 32), <see cref="Dots"/> null: back to the default spacing (Epson
/// reference, "ESC 2 Select default line spacing").
/// </summary>
public sealed record LineSpacingCommand(byte? Dots) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => Dots is null ? "ESC 2" : "ESC 3";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output)
    {
        if (Dots is { } dots)
        {
            Put(output, EscPosControl.Escape, 0x33, dots);
        }
        else
        {
            Put(output, EscPosControl.Escape, 0x32);
        }
    }
}
