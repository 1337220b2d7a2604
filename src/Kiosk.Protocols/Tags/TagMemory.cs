namespace Kiosk.Protocols.Tags;

/// <summary>
/// What a reader returned for one ISO 15693 tag: its user memory from block 0, the block size, and optionally the
/// DSFID and AFI registers. The registers are hints for detection only; the AFI (security) is never part of the item
/// data model.
/// </summary>
/// <param name="UserMemory">The user memory in tag order, block 0 first, as the tag stores it (not as a FEIG reader puts it on the wire).</param>
/// <param name="BlockSize">Bytes per block: 4 for NXP ICODE SLIX and most library tags, 8 for some TI and Fujitsu chips.</param>
/// <param name="Dsfid">The tag's DSFID register, when the reader reported it. Libraries commonly set 0x06 for ISO 28560-2.</param>
/// <param name="Afi">The tag's AFI register, when the reader reported it. Carried for diagnostics only.</param>
public sealed record TagMemory(ReadOnlyMemory<byte> UserMemory, int BlockSize = 4, byte? Dsfid = null, byte? Afi = null)
{
    /// <summary>The DSFID value libraries commonly write for ISO 28560-2 tags.</summary>
    public const byte Iso28560Part2Dsfid = 0x06;
}
