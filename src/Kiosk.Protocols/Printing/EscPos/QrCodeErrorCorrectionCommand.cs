using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// GS ( k function 169 (1D 28 6B 03 00 31 45 n): QR error-correction level, n = 48 (L) to 51 (H) (Epson reference,
/// "GS ( k &lt;Function 169&gt; QR Code: Select the error correction level").
/// </summary>
public sealed record QrCodeErrorCorrectionCommand(QrCodeErrorCorrection Level) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "GS ( k";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) =>
        Put(output, EscPosControl.GroupSeparator, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, (byte)Level);
}
