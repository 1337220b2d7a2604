using BenchmarkDotNet.Attributes;
using Kiosk.Protocols.Tags;

namespace Kiosk.Benchmarks;

/// <summary>
/// Decode (with auto-detection, as a gate does for every tag in its field) and encode (as the staff station does when it
/// tags an item) of one item in each library data model.
/// </summary>
[MemoryDiagnoser]
public class LibraryTagCodecBenchmarks
{
    private readonly LibraryItemTag _item = new()
    {
        PrimaryItemId = "30000012345678",
        OwnerInstitution = "VN-HNLIB",
        Country = "VN",
        PartsInItem = 2,
        PartNumber = 1,
        TypeOfUsage = TypeOfUsage.Circulating,
        ShelfLocation = "895.922 NG-D",
    };

    private TagMemory _part2 = null!;
    private TagMemory _part3 = null!;
    private TagMemory _threeM = null!;

    [GlobalSetup]
    public void Setup()
    {
        _part2 = new TagMemory(Iso28560Part2TagCodec.Encode(_item), Dsfid: TagMemory.Iso28560Part2Dsfid);
        _part3 = new TagMemory(Iso28560Part3TagCodec.Encode(_item, LibraryTagVariant.BlocksReversed));
        _threeM = new TagMemory(ThreeMTagCodec.Encode(_item));
    }

    [Benchmark]
    public TagDecodeResult DecodeIso28560Part2() => LibraryTagCodec.Decode(_part2);

    [Benchmark]
    public TagDecodeResult DecodeIso28560Part3BlocksReversed() => LibraryTagCodec.Decode(_part3);

    [Benchmark]
    public TagDecodeResult DecodeThreeM() => LibraryTagCodec.Decode(_threeM);

    [Benchmark]
    public byte[] EncodeIso28560Part2() => Iso28560Part2TagCodec.Encode(_item);

    [Benchmark]
    public byte[] EncodeIso28560Part3() => Iso28560Part3TagCodec.Encode(_item);

    [Benchmark]
    public byte[] EncodeThreeM() => ThreeMTagCodec.Encode(_item);
}
