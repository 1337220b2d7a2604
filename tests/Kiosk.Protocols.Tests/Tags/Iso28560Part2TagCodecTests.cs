using Kiosk.Protocols.Tags;

namespace Kiosk.Protocols.Tests.Tags;

public sealed class Iso28560Part2TagCodecTests
{
    private static readonly LibraryItemTag GbExampleItem = new()
    {
        PrimaryItemId = "123456789012",
        PartsInItem = 12,
        PartNumber = 3,
        ShelfLocation = "QA268.L55",
        OwnerInstitution = "US-InU-Mu",
        Country = "US",
    };

    [Fact]
    public void Gb_example_decodes_to_its_published_values()
    {
        var result = Iso28560Part2TagCodec.Decode(TagVectors.Memory(TagVectors.GbExample));

        Assert.Equal(TagVerdict.Decoded, result.Verdict);
        Assert.Equal(GbExampleItem, result.Item);
        Assert.Empty(result.Warnings);
        Assert.Equal(["primary item id", "content parameter", "set information", "shelf location", "owner institution"], result.Elements.Select(e => e.Name));
    }

    [Fact]
    public void Gb_example_item_encodes_to_the_published_bytes_then_a_terminator_block()
    {
        var bytes = Iso28560Part2TagCodec.Encode(GbExampleItem);

        Assert.Equal(TagVectors.Bytes(TagVectors.GbExample), bytes[..36]);
        Assert.Equal(new byte[4], bytes[36..]);
    }

    [Fact]
    public void Zhiyan_tag_decodes_with_numeric_usage_and_an_alternative_owner()
    {
        var result = Iso28560Part2TagCodec.Decode(TagVectors.Memory(TagVectors.Zhiyan));

        Assert.True(result.IsSuccess, result.Reason);
        var item = result.Item!;
        Assert.Equal("DPB000002", item.PrimaryItemId);
        Assert.Equal("ZYLS", item.OwnerInstitution);
        Assert.Null(item.Country);
        Assert.Equal(TypeOfUsage.Circulating, item.TypeOfUsage);
        Assert.Equal("BA", item.OnixMediaFormat);
        Assert.Contains(result.Elements, e => e.Name == "alternative owner institution" && e.Value == "Lib01");
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Ganchuang_tag_decodes_its_integer_primary_item_id_and_octet_usage()
    {
        var result = Iso28560Part2TagCodec.Decode(TagVectors.Memory(TagVectors.Ganchuang));

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal("21111115", result.Item!.PrimaryItemId);
        Assert.Equal(TypeOfUsage.Circulating, result.Item.TypeOfUsage);
        Assert.Contains("terminator", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Jiangxi_jingyuan_tag_holds_only_a_primary_item_id()
    {
        var result = Iso28560Part2TagCodec.Decode(TagVectors.Memory(TagVectors.JiangxiJingyuan));

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal(new LibraryItemTag { PrimaryItemId = "698542" }, result.Item);
    }

    [Fact]
    public void RobotDroid_tag_decodes_usage_qualifier_and_the_onix_byte()
    {
        var result = Iso28560Part2TagCodec.Decode(TagVectors.Memory(TagVectors.RobotDroid));

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal("YST0450585", result.Item!.PrimaryItemId);
        Assert.Equal("YST", result.Item.OwnerInstitution);
        Assert.Equal(TypeOfUsage.Circulating, result.Item.TypeOfUsage);
        Assert.Equal(2, result.Item.TypeOfUsageQualifier);
        Assert.Equal("BA", result.Item.OnixMediaFormat);
    }

    [Fact]
    public void Pad_bytes_cut_short_by_the_reader_are_a_warning_not_corruption()
    {
        var result = Iso28560Part2TagCodec.Decode(TagVectors.Memory(TagVectors.InventoryApp));

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal("0014815", result.Item!.PrimaryItemId);
        Assert.Equal("ZYLS", result.Item.OwnerInstitution);
        Assert.Contains(result.Warnings, w => w.Contains("pad bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void Content_parameter_that_disagrees_with_the_data_sets_is_a_warning()
    {
        // The GB example with its content parameter changed from D0 (OIDs 3, 4, 6) to C0 (OIDs 3, 4).
        var bytes = TagVectors.Bytes(TagVectors.GbExample);
        bytes[10] = 0xC0;

        var result = Iso28560Part2TagCodec.Decode(new TagMemory(bytes));

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Contains(result.Warnings, w => w.Contains("content parameter lists OIDs 3 4 but the tag holds 3 4 6", StringComparison.Ordinal));
    }

    [Fact]
    public void Data_set_longer_than_memory_is_corrupt_and_says_where()
    {
        var result = Iso28560Part2TagCodec.Decode(TagVectors.Memory("91 00 09 1c be 99"));

        Assert.Equal(TagVerdict.Corrupt, result.Verdict);
        Assert.Equal(LibraryTagModel.Iso28560Part2, result.Model);
        Assert.Contains("primary item id data set at byte 0 says 9 bytes of data, but only 3 remain", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extended_oid_byte_is_read_before_the_offset_byte()
    {
        // Precursor FF (offset, UTF-8, OID 15), then 02 and 01. Read as OID byte then offset byte, as dp2 and rfid-codec do,
        // it is the title (OID 17) "Ha" with one pad byte; read the other way it would be local data B (OID 16).
        var result = Iso28560Part2TagCodec.Decode(TagVectors.Memory("11 01 07 FF 02 01 02 48 61 00 00"));

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal("Ha", result.Item!.Title);
    }

    [Fact]
    public void Vietnamese_title_and_local_data_round_trip()
    {
        var item = new LibraryItemTag
        {
            PrimaryItemId = "30000012345678",
            OwnerInstitution = "VN-HNLIB",
            Country = "VN",
            PartsInItem = 2,
            PartNumber = 1,
            TypeOfUsage = TypeOfUsage.NotForLoan,
            ShelfLocation = "895.922 NG-D",
            Title = "Truyện Kiều, tập 2",
            OnixMediaFormat = "BA",
            MarcMediaFormat = "a",
            IllBorrowingInstitution = "VN-HCMLIB",
            IllBorrowingTransactionNumber = "ILL-2025-0042",
            LocalDataA = "Kệ 3",
            LocalDataB = "B",
            LocalDataC = "C-data",
        };

        var result = Iso28560Part2TagCodec.Decode(new TagMemory(Iso28560Part2TagCodec.Encode(item)));

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal(item, result.Item);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Encoding_without_a_primary_item_id_is_refused()
    {
        Assert.Throws<TagEncodingException>(() => Iso28560Part2TagCodec.Encode(new LibraryItemTag()));
    }

    [Fact]
    public void Encoding_a_title_longer_than_a_data_set_holds_is_refused()
    {
        var item = new LibraryItemTag { PrimaryItemId = "1", Title = new string('x', 300) };
        var error = Assert.Throws<TagEncodingException>(() => Iso28560Part2TagCodec.Encode(item));
        Assert.Contains("at most 255", error.Message, StringComparison.Ordinal);
    }
}
