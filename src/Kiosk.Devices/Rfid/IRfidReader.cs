using Kiosk.Protocols.Readers;

namespace Kiosk.Devices.Rfid;

/// <summary>
/// An ISO 15693 reader as the kiosk and the gate use it, whatever its wire protocol. Operations on one reader are
/// serialised (a reader answers one command at a time); failures raise <see cref="RfidReaderException"/>.
/// </summary>
public interface IRfidReader : IAsyncDisposable
{
    /// <summary>The reader's name from its profile, such as "pad" or "gate-left".</summary>
    string Name { get; }

    /// <summary>The antennas this reader polls, numbered as the profile numbers them.</summary>
    IReadOnlyList<int> Antennas { get; }

    /// <summary>
    /// Lists the tags in one antenna's field. With <paramref name="afi"/>, only tags whose AFI matches answer, which is
    /// how a gate polls for secured items only.
    /// </summary>
    Task<IReadOnlyList<RfidInventoryEntry>> InventoryAsync(int antenna, byte? afi = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a tag's registers and its whole user memory, sized from its system information.</summary>
    Task<RfidTagMemory> ReadTagAsync(TransponderUid uid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads <paramref name="blockCount"/> blocks of user memory from <paramref name="firstBlock"/> on, and nothing else
    /// (no registers, no system information): for a caller that needs only part of the memory, such as a gate decoding
    /// an alarmed tag's item id while the next walker may already be in the field.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or runs past block 255, the last ISO 15693 block.</exception>
    /// <exception cref="RfidReaderException">
    /// The tag does not have every block asked for (<see cref="RfidReaderFailureKind.BlockNotAvailable"/>, the message
    /// names the range), has left the field, or the reader failed.
    /// </exception>
    Task<RfidTagBlocks> ReadBlocksAsync(TransponderUid uid, int firstBlock, int blockCount, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="data"/> (whole blocks, in the tag's memory order) from <paramref name="firstBlock"/> on.</summary>
    Task WriteBlocksAsync(TransponderUid uid, int firstBlock, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>
    /// Switches an item's security (the site's AFI values, or EAS) and reads it back to verify, retrying a bounded number
    /// of times. Never throws for a tag that failed to switch: the result says so, so the caller can keep the item secured.
    /// </summary>
    Task<RfidSecurityResult> SetSecurityAsync(TransponderUid uid, bool secured, CancellationToken cancellationToken = default);
}
