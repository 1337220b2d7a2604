using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// GS ( L pL pH m fn with m = 48 and fn = 50 (or 2): prints the image stored by <see cref="StoreGraphicsCommand"/>
/// (Epson reference, "GS ( L &lt;Function 50&gt; Print the graphics data in the print buffer"): 1D 28 4C 02 00 30 32.
/// </summary>
public sealed record PrintGraphicsCommand : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "GS ( L";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) => Put(output, EscPosControl.GroupSeparator, 0x28, 0x4C, 0x02, 0x00, 0x30, 0x32);
}
