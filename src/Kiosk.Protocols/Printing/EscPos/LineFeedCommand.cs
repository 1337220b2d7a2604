using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>LF (0A): prints the buffer and feeds one line (Epson reference, "LF Print and line feed").</summary>
public sealed record LineFeedCommand : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "LF";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) => Put(output, EscPosControl.LineFeed);
}
