using System.Globalization;
using Kiosk.Protocols.Readers;

namespace Kiosk.Devices.Rfid;

/// <summary>Some consecutive blocks of a tag's user memory, as read by <see cref="IRfidReader.ReadBlocksAsync"/>.</summary>
/// <param name="Uid">The tag's UID.</param>
/// <param name="FirstBlock">The number of the first block read.</param>
/// <param name="BlockSize">Bytes per block, as the reader reported them.</param>
/// <param name="Data">The blocks, in the tag's memory order.</param>
public sealed record RfidTagBlocks(TransponderUid Uid, int FirstBlock, int BlockSize, ReadOnlyMemory<byte> Data)
{
    /// <summary>The number of blocks read.</summary>
    public int BlockCount => BlockSize == 0 ? 0 : Data.Length / BlockSize;

    /// <summary>Checks a requested range against ISO 15693's block addresses (0 to 255).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or runs past block 255.</exception>
    internal static void CheckRange(int firstBlock, int blockCount)
    {
        if (firstBlock is < 0 or > byte.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(firstBlock), firstBlock, "ISO 15693 addresses blocks 0 to 255; ask for a first block in that range.");
        }

        if (blockCount < 1 || firstBlock + blockCount > byte.MaxValue + 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(blockCount),
                blockCount,
                string.Create(CultureInfo.InvariantCulture, $"Blocks {firstBlock} to {firstBlock + blockCount - 1} are not a range ISO 15693 can address: ask for 1 to {byte.MaxValue + 1 - firstBlock} block(s) from block {firstBlock}."));
        }
    }
}
