using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// DLE EOT n (10 04 n): asks for one status byte, answered at once even while the printer is busy or offline (Epson
/// reference, "DLE EOT Transmit real-time status").
/// </summary>
public sealed record RealTimeStatusRequestCommand(RealTimeStatusKind Kind) : EscPosCommand
{
    /// <inheritdoc/>
    public override string Name => "DLE EOT";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) => Put(output, EscPosControl.DataLinkEscape, EscPosControl.EndOfTransmission, (byte)Kind);
}
