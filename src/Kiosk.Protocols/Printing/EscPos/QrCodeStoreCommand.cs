using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// GS ( k function 180 (1D 28 6B pL pH 31 50 30 d1…dk, k = pL + 256·pH − 3): stores the QR symbol's data (Epson
/// reference, "GS ( k &lt;Function 180&gt; QR Code: Store the data in the symbol storage area").
/// </summary>
public sealed record QrCodeStoreCommand : EscPosCommand
{
    /// <summary>A store of <paramref name="data"/>.</summary>
    public QrCodeStoreCommand(ReadOnlySpan<byte> data)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(data.Length, QrCodeCommand.MaxDataLength, nameof(data));
        Data = data.ToArray();
    }

    /// <summary>The data bytes.</summary>
    public IReadOnlyList<byte> Data { get; }

    /// <inheritdoc/>
    public override string Name => "GS ( k";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output)
    {
        var length = Data.Count + 3;
        Put(output, EscPosControl.GroupSeparator, 0x28, 0x6B, (byte)(length & 0xFF), (byte)(length >> 8), 0x31, 0x50, 0x30);
        Put(output, [.. Data]);
    }
}
