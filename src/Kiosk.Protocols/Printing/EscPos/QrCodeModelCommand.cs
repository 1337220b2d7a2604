using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// GS ( k function 165 (1D 28 6B 04 00 31 41 n1 00): QR model 1 (n1 = 49), 2 (50) or Micro QR (51) (Epson reference,
/// "GS ( k &lt;Function 165&gt; QR Code: Select the model").
/// </summary>
public sealed record QrCodeModelCommand(byte Model) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "GS ( k";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) =>
        Put(output, EscPosControl.GroupSeparator, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, (byte)(48 + Model), 0x00);
}
