using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// ESC % n (1B 25 n): selects (n bit 0 = 1) or cancels (0) the user-defined character set (Epson reference, "ESC %
/// Select/cancel user-defined character set"). While selected, a code with no user-defined glyph prints the resident
/// character, which is why a space needs no definition.
/// </summary>
public sealed record SelectUserCharactersCommand(bool Selected) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "ESC %";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) => Put(output, EscPosControl.Escape, 0x25, Selected ? (byte)1 : (byte)0);
}
