using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>ESC d n (1B 64 n): prints the buffer and feeds n lines (Epson reference, "ESC d Print and feed n lines").</summary>
public sealed record FeedLinesCommand(byte Lines) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "ESC d";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) => Put(output, EscPosControl.Escape, 0x64, Lines);
}
