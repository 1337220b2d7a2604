using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// GS ( k function 167 (1D 28 6B 03 00 31 43 n): QR module size, 1 to 16 dots (Epson reference, "GS ( k &lt;Function
/// 167&gt; QR Code: Set the size of module").
/// </summary>
public sealed record QrCodeModuleSizeCommand(byte Dots) : EscPosCommand
{
    /// <summary>The module size before any function 167.</summary>
    public const byte Default = 3;

    /// <inheritdoc/>
    public override string Name => "GS ( k";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) =>
        Put(output, EscPosControl.GroupSeparator, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, Dots);
}
