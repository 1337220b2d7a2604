using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// GS w n (1D 77 n): the barcode's narrowest module, n dots (2 to 6 on TM printers; 3 at power-on) (Epson reference,
/// "GS w Set barcode width").
/// </summary>
public sealed record BarcodeModuleWidthCommand(byte Dots) : EscPosCommand
{
    /// <summary>The module width before any GS w.</summary>
    public const byte Default = 3;

    /// <inheritdoc/>
    public override string Name => "GS w";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) => Put(output, EscPosControl.GroupSeparator, 0x77, Dots);
}
