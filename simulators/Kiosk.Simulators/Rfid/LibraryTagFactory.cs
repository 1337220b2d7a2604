using System.Buffers.Binary;
using System.Text;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Tags;
using Kiosk.Simulators.Ils;

namespace Kiosk.Simulators.Rfid;

/// <summary>
/// Makes simulated library item tags with real content: user memory from <see cref="LibraryTagCodec.Encode"/> in the
/// chosen data model, the security AFI and EAS bit set as the item's state says, and a UID derived from the item id and
/// part number, so the same item always gets the same tag.
/// </summary>
public static class LibraryTagFactory
{
    /// <summary>
    /// A tag for part <paramref name="partNumber"/> of <paramref name="partsInItem"/> of item <paramref name="itemId"/>
    /// owned by <paramref name="ownerIsil"/>: an NXP ICODE SLIX (28 blocks of 4 bytes), circulating, with the AFI and
    /// EAS bit of a secured item (in the library) or of a loaned one.
    /// </summary>
    /// <exception cref="TagEncodingException">The item does not fit the data model.</exception>
    public static SimulatedTag CreateItem(
        string itemId,
        string ownerIsil,
        int partsInItem = 1,
        int partNumber = 1,
        bool secured = true,
        LibraryTagModel model = LibraryTagModel.Iso28560Part3,
        SecurityAfi? afi = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(itemId);
        ArgumentNullException.ThrowIfNull(ownerIsil);
        var item = new LibraryItemTag
        {
            PrimaryItemId = itemId,
            OwnerInstitution = ownerIsil,
            PartsInItem = partsInItem,
            PartNumber = partNumber,
            TypeOfUsage = TypeOfUsage.Circulating,
        };
        var memory = LibraryTagCodec.Encode(item, model);
        var blockCount = Math.Max(SimulatedTag.IcodeSlixBlockCount, (memory.Length + 3) / 4);
        var tag = new SimulatedTag(UidFor(itemId, partNumber), blockSize: 4, blockCount: blockCount);
        tag.WriteMemory(0, memory);

        // ISO 28560-2 tags carry DSFID 0x06 (the value libraries commonly set for ISO 28560-2); the other models leave it unused.
        tag.Dsfid = model == LibraryTagModel.Iso28560Part2 ? TagMemory.Iso28560Part2Dsfid : (byte)0;
        var values = afi ?? SecurityAfi.Common;
        tag.SetAfi(secured ? values.Secured : values.NotSecured);
        tag.IsEasSet = secured;
        return tag;
    }

    /// <summary>
    /// The UID the factory gives part <paramref name="partNumber"/> of <paramref name="itemId"/>: E0 (ISO 15693), 04
    /// (NXP), 01 (ICODE SLI family), then 40 bits of an FNV-1a hash of the id and part.
    /// </summary>
    public static TransponderUid UidFor(string itemId, int partNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        const ulong offsetBasis = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offsetBasis;
        foreach (var value in Encoding.UTF8.GetBytes(itemId + "/" + partNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            hash = (hash ^ value) * prime;
        }

        Span<byte> uid = stackalloc byte[TransponderUid.Length];
        BinaryPrimitives.WriteUInt64BigEndian(uid, hash);
        uid[0] = 0xE0;
        uid[1] = SimulatedTag.NxpManufacturerCode;
        uid[2] = 0x01;
        return TransponderUid.ReadBigEndian(uid);
    }

    /// <summary>
    /// Up to <paramref name="count"/> tags for the ILS simulator's sample items TV0001–TV0010 (owner VN-HN-TVHN), both
    /// parts of the two-part set TV0007 included; secured, except TV0003 which the sample patron has on loan. Past the
    /// samples come items TV0011 on.
    /// </summary>
    public static IReadOnlyList<SimulatedTag> CreateSampleStack(int count, LibraryTagModel model = LibraryTagModel.Iso28560Part3, SecurityAfi? afi = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        const string owner = "VN-HN-TVHN";
        var tags = new List<SimulatedTag>(count);
        for (var number = 1; tags.Count < count; number++)
        {
            var itemId = "TV" + number.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            var parts = itemId == IlsSampleData.TwoPartSet ? 2 : 1;
            for (var part = 1; part <= parts && tags.Count < count; part++)
            {
                tags.Add(CreateItem(itemId, owner, parts, part, secured: itemId != IlsSampleData.OnLoanItem, model, afi));
            }
        }

        return tags;
    }
}
