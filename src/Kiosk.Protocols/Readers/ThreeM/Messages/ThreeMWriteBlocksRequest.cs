namespace Kiosk.Protocols.Readers.ThreeM.Messages;

/// <summary>
/// 0x04 Write Multiblock: <c>04 UID(8) FIRST COUNT 00 DATA(4 × COUNT)</c> (specification §7.6). 3M blocks are 4 bytes
/// and travel in the tag's own order.
/// </summary>
public sealed record ThreeMWriteBlocksRequest : ThreeMRequest
{
    /// <summary>Bytes in a 3M block.</summary>
    public const int BlockSize = 4;

    /// <summary>The tag's UID.</summary>
    public required TransponderUid Uid { get; init; }

    /// <summary>The first block to write, 0-based.</summary>
    public byte FirstBlock { get; init; }

    /// <summary>The data, a whole number of 4-byte blocks.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The flags byte, reserved: 0.</summary>
    public byte Flags { get; init; }

    /// <summary>How many blocks <see cref="Data"/> holds.</summary>
    public int BlockCount => Data.Length / BlockSize;

    /// <inheritdoc/>
    public override byte Command => (byte)ThreeMCommand.WriteBlocks;

    internal override void WriteFields(FrameWriter writer)
    {
        if (Data.Length % BlockSize != 0 || BlockCount > byte.MaxValue)
        {
            throw new InvalidOperationException($"3M Write Multiblock writes whole 4-byte blocks; {Data.Length} byte(s) do not divide into them. Pad the last block.");
        }

        writer.Write(Uid);
        writer.Write(FirstBlock);
        writer.Write((byte)BlockCount);
        writer.Write(Flags);
        writer.Write(Data.Span);
    }
}
