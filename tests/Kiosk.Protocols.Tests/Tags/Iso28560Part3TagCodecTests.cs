using Kiosk.Protocols.Tags;

namespace Kiosk.Protocols.Tests.Tags;

public sealed class Iso28560Part3TagCodecTests
{
    private static readonly LibraryItemTag LibdanrfidItem = new()
    {
        PrimaryItemId = "11223344",
        Country = "DE",
        OwnerInstitution = "DE-705",
        TypeOfUsage = TypeOfUsage.Circulating,
        CrcValid = true,
    };

    [Fact]
    public void Libdanrfid_basic_block_decodes_with_a_valid_crc()
    {
        var result = Iso28560Part3TagCodec.Decode(TagVectors.Memory(TagVectors.LibdanrfidBasicBlock));

        Assert.Equal(TagVerdict.Decoded, result.Verdict);
        Assert.Equal(LibraryTagVariant.Standard, result.Variant);
        Assert.Equal(LibdanrfidItem, result.Item);
        Assert.Contains("0x3E51", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Libdanrfid_item_encodes_to_the_published_basic_block()
    {
        var bytes = Iso28560Part3TagCodec.Encode(LibdanrfidItem);

        Assert.Equal(TagVectors.Bytes(TagVectors.LibdanrfidBasicBlock), bytes[..32]);
        Assert.Equal(new byte[4], bytes[32..]);
    }

    [Fact]
    public void A_full_length_item_id_is_covered_by_the_crc_to_its_last_byte()
    {
        // Every published vector has a NUL at byte 18, so a CRC that left that byte out would pass them all.
        var item = new LibraryItemTag
        {
            PrimaryItemId = "3800000123456789",
            Country = "DK",
            OwnerInstitution = "DK-718500",
            TypeOfUsage = TypeOfUsage.Circulating,
            CrcValid = true,
        };
        var bytes = TagVectors.Bytes(TagVectors.FullLengthItemIdBasicBlock);

        var result = Iso28560Part3TagCodec.Decode(new TagMemory(bytes));

        Assert.Equal(TagVerdict.Decoded, result.Verdict);
        Assert.Equal(item, result.Item);
        Assert.Contains("0x8BBA", result.Reason, StringComparison.Ordinal);
        Assert.Equal(bytes, Iso28560Part3TagCodec.Encode(item)[..32]);
        bytes[18] = (byte)'8';
        Assert.Equal(TagVerdict.Corrupt, Iso28560Part3TagCodec.Decode(new TagMemory(bytes)).Verdict);
    }

    [Fact]
    public void Byte_reversed_blocks_are_detected_and_named()
    {
        var bytes = TagVectors.Bytes(TagVectors.LibdanrfidBasicBlock);
        for (var block = 0; block < bytes.Length; block += 4)
        {
            Array.Reverse(bytes, block, 4);
        }

        var result = Iso28560Part3TagCodec.Decode(new TagMemory(bytes));

        Assert.Equal(TagVerdict.Decoded, result.Verdict);
        Assert.Equal(LibraryTagVariant.BlocksReversed, result.Variant);
        Assert.Equal(LibdanrfidItem with { Variant = LibraryTagVariant.BlocksReversed }, result.Item);
        Assert.Contains("byte-reversed", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LibraryTagVariant.NibblesSwapped)]
    [InlineData(LibraryTagVariant.BlocksReversedAndNibblesSwapped)]
    [InlineData(LibraryTagVariant.BlocksReversed)]
    [InlineData(LibraryTagVariant.Standard)]
    public void Each_vendor_variant_is_detected_and_named(LibraryTagVariant variant)
    {
        // Usage 2 (not for loan) makes byte 0 0x12 or 0x21, so the nibble order is observable.
        var item = LibdanrfidItem with { TypeOfUsage = TypeOfUsage.NotForLoan, Variant = variant };

        var result = Iso28560Part3TagCodec.Decode(new TagMemory(Iso28560Part3TagCodec.Encode(item, variant)));

        Assert.Equal(variant, result.Variant);
        Assert.Equal(item, result.Item);
    }

    [Fact]
    public void Bibliotheca_style_0x71_reads_as_a_discarded_item()
    {
        // libdanrfid DDMData: BIBLIOTHECA_GELOESCHT = 0x71, usage 7 in the high nibble.
        var item = LibdanrfidItem with { TypeOfUsage = TypeOfUsage.Discarded, Variant = LibraryTagVariant.NibblesSwapped };
        var bytes = Iso28560Part3TagCodec.Encode(item, LibraryTagVariant.NibblesSwapped);

        Assert.Equal(0x71, bytes[0]);
        Assert.Equal(TypeOfUsage.Discarded, Iso28560Part3TagCodec.Decode(new TagMemory(bytes)).Item!.TypeOfUsage);
    }

    [Fact]
    public void Bad_crc_is_corrupt_but_still_shows_the_item()
    {
        var bytes = TagVectors.Bytes(TagVectors.LibdanrfidBasicBlock);
        bytes[5] = (byte)'9';

        var result = Iso28560Part3TagCodec.Decode(new TagMemory(bytes));

        Assert.Equal(TagVerdict.Corrupt, result.Verdict);
        Assert.Equal(LibraryTagModel.Iso28560Part3, result.Model);
        Assert.False(result.Item!.CrcValid);
        Assert.Equal("11923344", result.Item.PrimaryItemId);
        Assert.Contains("stored in bytes 19–20 is 0x3E51 while the basic block gives", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Eleven_character_isil_runs_into_block_8_and_is_covered_by_the_crc()
    {
        var item = new LibraryItemTag { PrimaryItemId = "1000000136", Country = "DK", OwnerInstitution = "DK-71850012345", CrcValid = true, TypeOfUsage = TypeOfUsage.Circulating };
        var bytes = Iso28560Part3TagCodec.Encode(item);

        Assert.Equal(item, Iso28560Part3TagCodec.Decode(new TagMemory(bytes)).Item);
        bytes[33] ^= 0x01;
        Assert.Equal(TagVerdict.Corrupt, Iso28560Part3TagCodec.Decode(new TagMemory(bytes)).Verdict);
    }

    [Fact]
    public void Extension_blocks_carry_shelf_location_title_and_ill_fields()
    {
        var item = LibdanrfidItem with
        {
            ShelfLocation = "QA268.L55",
            MarcMediaFormat = "a",
            OnixMediaFormat = "BA",
            Title = "Café society",
            IllBorrowingInstitution = "DK-710100",
            IllBorrowingTransactionNumber = "42",
        };

        var result = Iso28560Part3TagCodec.Decode(new TagMemory(Iso28560Part3TagCodec.Encode(item)));

        Assert.Equal(item, result.Item);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Extension_block_failing_its_xor_check_is_a_warning()
    {
        var bytes = Iso28560Part3TagCodec.Encode(LibdanrfidItem with { Title = "Title" });
        bytes[38] ^= 0xFF;

        var result = Iso28560Part3TagCodec.Decode(new TagMemory(bytes));

        Assert.True(result.IsSuccess);
        Assert.Null(result.Item!.Title);
        Assert.Contains(result.Warnings, w => w.Contains("XOR", StringComparison.Ordinal));
    }

    [Fact]
    public void Vietnamese_text_is_refused_with_advice_to_use_part_2()
    {
        var error = Assert.Throws<TagEncodingException>(() => Iso28560Part3TagCodec.Encode(LibdanrfidItem with { Title = "Truyện Kiều" }));
        Assert.Contains("ISO 28560-2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_32_bytes_is_corrupt()
    {
        var result = Iso28560Part3TagCodec.Decode(TagVectors.Memory("1101013131"));
        Assert.Equal(TagVerdict.Corrupt, result.Verdict);
        Assert.Contains("at least 32 bytes", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tag_whose_CRC_also_holds_in_the_other_block_order_is_read_in_the_order_that_makes_a_basic_block()
    {
        // Found by the round-trip property (FsCheck replay 17833002290123686712,14526281130715988965,10): this item's
        // CRC happens to match with the blocks in standard order too, where the bytes are not a basic block.
        var item = new LibraryItemTag
        {
            PrimaryItemId = "EN4cd67ptnCitu",
            OwnerInstitution = "DE-QK:ZB",
            Country = "DE",
            PartsInItem = 142,
            PartNumber = 116,
            TypeOfUsage = TypeOfUsage.NoInformation,
            Title = "7.WJ9ød1VXf:VXuév..AtV2NAbqh",
        };

        var decoded = Iso28560Part3TagCodec.Decode(new TagMemory(Iso28560Part3TagCodec.Encode(item, LibraryTagVariant.BlocksReversedAndNibblesSwapped)));

        Assert.True(decoded.IsSuccess);
        Assert.Equal(LibraryTagVariant.BlocksReversedAndNibblesSwapped, decoded.Item!.Variant);
        Assert.Equal("EN4cd67ptnCitu", decoded.Item.PrimaryItemId);
    }
}
