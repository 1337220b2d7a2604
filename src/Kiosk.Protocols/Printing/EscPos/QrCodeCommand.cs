using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// A QR code as the five GS ( k functions the Epson reference lists under "GS ( k &lt;Function 165–181&gt;" (cn = 49):
/// 165 select model (<c>1D 28 6B 04 00 31 41 n1 00</c>, n1 = 50 for model 2), 167 module size
/// (<c>1D 28 6B 03 00 31 43 n</c>), 169 error correction (<c>1D 28 6B 03 00 31 45 n</c>), 180 store the data
/// (<c>1D 28 6B pL pH 31 50 30 d1…dk</c>, k = pL + 256·pH − 3) and 181 print it (<c>1D 28 6B 03 00 31 51 30</c>).
/// </summary>
public sealed record QrCodeCommand : EscPosCommand
{
    /// <summary>The most data bytes function 180 accepts: (pL + pH × 256) ≤ 7092, less its three fixed bytes.</summary>
    public const int MaxDataLength = 7089;

    /// <summary>A model-2 QR code of <paramref name="data"/>.</summary>
    public QrCodeCommand(ReadOnlySpan<byte> data, byte moduleSize = 6, QrCodeErrorCorrection errorCorrection = QrCodeErrorCorrection.Medium)
    {
        ArgumentOutOfRangeException.ThrowIfZero(data.Length, nameof(data));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(data.Length, MaxDataLength, nameof(data));

        // Function 167 allows module sizes 1 to 16 dots.
        ArgumentOutOfRangeException.ThrowIfLessThan(moduleSize, (byte)1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(moduleSize, (byte)16);
        Data = data.ToArray();
        ModuleSize = moduleSize;
        ErrorCorrection = errorCorrection;
    }

    /// <summary>The symbol's data bytes.</summary>
    public IReadOnlyList<byte> Data { get; }

    /// <summary>Dots per module, 1 to 16.</summary>
    public byte ModuleSize { get; }

    /// <summary>The error-correction level.</summary>
    public QrCodeErrorCorrection ErrorCorrection { get; }

    /// <inheritdoc/>
    public override string Name => "GS ( k";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output)
    {
        const byte gs = EscPosControl.GroupSeparator;
        Put(output, gs, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);
        Put(output, gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, ModuleSize);
        Put(output, gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, (byte)ErrorCorrection);
        var length = Data.Count + 3;
        Put(output, gs, 0x28, 0x6B, (byte)(length & 0xFF), (byte)(length >> 8), 0x31, 0x50, 0x30);
        Put(output, [.. Data]);
        Put(output, gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30);
    }
}
