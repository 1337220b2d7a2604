using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// GS ( k function 181 (1D 28 6B 03 00 31 51 30): prints the stored QR symbol (Epson reference, "GS ( k &lt;Function
/// 181&gt; QR Code: Print the symbol data in the symbol storage area").
/// </summary>
public sealed record QrCodePrintCommand : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "GS ( k";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) =>
        Put(output, EscPosControl.GroupSeparator, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30);
}
