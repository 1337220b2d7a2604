using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// ESC t n (1B 74 n): selects the character code table for bytes 0x80–0xFF (Epson reference, "ESC t Select character
/// code table"). Epson numbers TCVN-3 as 30 (lowercase) and 31 (capitals) and CP1258 as 52; clones differ, so the
/// number comes from the printer profile.
/// </summary>
public sealed record SelectCodePageCommand(byte Page) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "ESC t";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) => Put(output, EscPosControl.Escape, 0x74, Page);
}
