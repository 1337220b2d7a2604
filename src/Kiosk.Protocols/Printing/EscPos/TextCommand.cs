using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>Printable bytes in the selected code page; the printer buffers them until LF or a feed prints the line.</summary>
public sealed record TextCommand : EscPosCommand
{
    /// <summary>Text already encoded for the selected code page; it must hold no control byte below 0x20.</summary>
    public TextCommand(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b < 0x20)
            {
                throw new ArgumentException($"Text bytes must not contain control byte 0x{b:X2}: it would start a command.", nameof(bytes));
            }
        }

        Bytes = bytes.ToArray();
    }

    /// <summary>The encoded text.</summary>
    public IReadOnlyList<byte> Bytes { get; }

    /// <inheritdoc/>
    public override string Name => "text";

    /// <inheritdoc/>
    public override void Encode(IBufferWriter<byte> output) => Put(output, [.. Bytes]);
}
