using Kiosk.Protocols.Tags;

namespace Kiosk.Protocols.Tests.Tags;

public sealed class ThreeMTagCodecTests
{
    [Fact]
    public void Biblio_rfid_tag_1_decodes_its_barcode_branch_library_and_custom_value()
    {
        var result = ThreeMTagCodec.Decode(TagVectors.Memory(TagVectors.BiblioRfidThreeM1));

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal(
            new LibraryItemTag { PrimaryItemId = "200901010123", ThreeMItemType = 0, ThreeMBranch = 0xFFF, ThreeMLibrary = 0xFFFFF, ThreeMCustom = int.MaxValue },
            result.Item);
    }

    [Theory]
    [InlineData(TagVectors.BiblioRfidThreeM1)]
    [InlineData(TagVectors.BiblioRfidThreeM2)]
    public void Biblio_rfid_tags_round_trip_byte_for_byte(string hex)
    {
        var bytes = TagVectors.Bytes(hex);
        var item = ThreeMTagCodec.Decode(new TagMemory(bytes)).Item!;

        Assert.Equal(bytes, ThreeMTagCodec.Encode(item));
    }

    [Fact]
    public void Part_number_is_the_high_nibble_and_parts_the_low_one()
    {
        // RFID501.pm: "i [4 bit] = number of item in set, s [4 bit] = total items in set", block 0 = 04 is 00 tt.
        var bytes = ThreeMTagCodec.Encode(new LibraryItemTag { PrimaryItemId = "1302003767", PartsInItem = 3, PartNumber = 2 });

        Assert.Equal(0x23, bytes[1]);
        var item = ThreeMTagCodec.Decode(new TagMemory(bytes)).Item!;
        Assert.Equal((3, 2), (item.PartsInItem, item.PartNumber));
    }

    [Fact]
    public void Block_0_without_04_is_foreign()
    {
        var bytes = TagVectors.Bytes(TagVectors.BiblioRfidThreeM2);
        bytes[0] = 0x05;
        Assert.Equal(TagVerdict.Foreign, ThreeMTagCodec.Decode(new TagMemory(bytes)).Verdict);
    }

    [Fact]
    public void Barcode_that_is_not_ascii_is_corrupt()
    {
        var bytes = TagVectors.Bytes(TagVectors.BiblioRfidThreeM2);
        bytes[5] = 0x01;
        Assert.Equal(TagVerdict.Corrupt, ThreeMTagCodec.Decode(new TagMemory(bytes)).Verdict);
    }

    [Fact]
    public void Seventeen_character_barcode_is_refused()
    {
        Assert.Throws<TagEncodingException>(() => ThreeMTagCodec.Encode(new LibraryItemTag { PrimaryItemId = new string('1', 17) }));
    }
}
