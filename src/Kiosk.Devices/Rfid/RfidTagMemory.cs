using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Tags;

namespace Kiosk.Devices.Rfid;

/// <summary>A tag's registers and whole user memory, as read.</summary>
/// <param name="Uid">The tag's UID.</param>
/// <param name="Dsfid">The DSFID register.</param>
/// <param name="Afi">The AFI register.</param>
/// <param name="BlockSize">Bytes per block, from system information.</param>
/// <param name="UserMemory">Every block, in the tag's memory order.</param>
public sealed record RfidTagMemory(TransponderUid Uid, byte Dsfid, byte Afi, int BlockSize, ReadOnlyMemory<byte> UserMemory)
{
    /// <summary>The number of blocks read.</summary>
    public int BlockCount => BlockSize == 0 ? 0 : UserMemory.Length / BlockSize;

    /// <summary>The memory as the tag data-model codec takes it.</summary>
    public TagMemory ToTagMemory() => new(UserMemory.ToArray(), BlockSize, Dsfid, Afi);
}
