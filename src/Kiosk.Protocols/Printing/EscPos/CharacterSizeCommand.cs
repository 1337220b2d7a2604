using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// GS ! n (1D 21 n): character width and height multipliers, 1 to 8 each; the width goes in bits 4–6 and the height in
/// bits 0–2, each as multiplier − 1 (Epson reference, "GS ! Select character size").
/// </summary>
public sealed record CharacterSizeCommand : EscPosCommand
{
    /// <summary>A size of <paramref name="width"/> × <paramref name="height"/>, each 1 to 8.</summary>
    public CharacterSizeCommand(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 8);
        Width = width;
        Height = height;
    }

    /// <summary>Width multiplier, 1 to 8.</summary>
    public int Width { get; }

    /// <summary>Height multiplier, 1 to 8.</summary>
    public int Height { get; }

    /// <inheritdoc/>
    public override string Name => "GS !";

    /// <summary>The size a GS ! parameter byte selects.</summary>
    public static CharacterSizeCommand FromParameter(byte n) => new(((n >> 4) & 0x07) + 1, (n & 0x07) + 1);

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) =>
        Put(output, EscPosControl.GroupSeparator, 0x21, (byte)(((Width - 1) << 4) | (Height - 1)));
}
