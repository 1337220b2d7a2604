using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.ThreeM;
using Kiosk.Protocols.Readers.ThreeM.Messages;

namespace Kiosk.Protocols.Tests.Readers;

/// <summary>
/// 3M frames captured from real 3M 810 readers, checked against the layout of the "3M RFID Reader Model 210 Protocol
/// Specification" 1.0.0 (Biblio-RFID docs/3M_RFID_Reader_Protocol_Specification.doc). Sources are named per constant
/// in <see cref="ThreeMSamples"/>.
/// </summary>
public sealed class ThreeMGoldenVectorTests
{
    [Fact]
    public void Captured_inventory_request_encodes_byte_for_byte()
    {
        // §7.1: FE AFI OPTIONS; AFI 0 for all tags, options 0x05.
        Assert.Equal(ThreeMSamples.CapturedInventoryRequest, Hex.Of(ThreeMEncoder.Encode(new ThreeMInventoryRequest())).ToLowerInvariant());
    }

    [Fact]
    public void Captured_get_afi_request_encodes_byte_for_byte()
    {
        Assert.Equal(ThreeMSamples.CapturedGetAfiRequest, Hex.Of(ThreeMEncoder.Encode(new ThreeMGetAfiRequest { Uid = ThreeMSamples.Book })).ToLowerInvariant());
    }

    [Fact]
    public void Captured_read_request_encodes_byte_for_byte()
    {
        var request = new ThreeMReadBlocksRequest { Uid = ThreeMSamples.Book, FirstBlock = 0, BlockCount = 8 };

        Assert.Equal(ThreeMSamples.CapturedReadEightBlocksRequest, Hex.Of(ThreeMEncoder.Encode(request)).ToLowerInvariant());
    }

    [Theory]
    [InlineData(ThreeMSamples.WriteAfiSecuredRequest, 0xD7)]
    [InlineData(ThreeMSamples.WriteAfiUnsecuredRequest, 0xDA)]
    public void Captured_write_afi_requests_decode_and_reencode(string hex, byte afi)
    {
        var request = DecodeRequest(hex);

        var write = Assert.IsType<ThreeMWriteAfiRequest>(request);
        Assert.Equal(new TransponderUid(0xE00401003123AA26), write.Uid);
        Assert.Equal(afi, write.Afi);
        Assert.Equal(hex, Hex.Of(ThreeMEncoder.Encode(write)));
    }

    [Fact]
    public void Captured_inventory_reply_lists_both_tags_most_significant_byte_first()
    {
        var response = DecodeReply(Hex.Of(ThreeMSamples.WithCrc(ThreeMSamples.CapturedInventoryReplyWithoutCrc)));

        var inventory = Assert.IsType<ThreeMInventoryResponse>(response);
        Assert.Equal(ThreeMErrorCode.None, inventory.Error);
        Assert.Equal(0x05, inventory.ResponseOptions);
        Assert.Equal([ThreeMSamples.Book, ThreeMSamples.Card], inventory.Tags.Select(tag => tag.Uid));
    }

    [Theory]
    [InlineData(ThreeMSamples.NoTagInRangeReply, new string[0])]
    [InlineData(ThreeMSamples.OneTagReply, new[] { "E00401003123AA26" })]
    [InlineData(ThreeMSamples.TagAndCardReply, new[] { "E00401003123AA26", "E0040100017C0C38" })]
    public void Inventory_replies_with_their_captured_crc_decode_and_reencode(string hex, string[] uids)
    {
        var response = DecodeReply(hex);

        var inventory = Assert.IsType<ThreeMInventoryResponse>(response);
        Assert.Equal(uids, inventory.Tags.Select(tag => tag.Uid.ToString()));
        Assert.Equal(hex, Hex.Of(ThreeMEncoder.Encode(inventory)), ignoreCase: true);
    }

    [Fact]
    public void Captured_read_reply_gives_eight_blocks_in_tag_order_with_their_lock_status()
    {
        // §7.5 "old style": per block NUMBER LOCK DATA(4); 3M blocks are not reversed on the wire (block 0 is the
        // 3M data model's 04 <set> 00 <type>).
        var response = DecodeReply(Hex.Of(ThreeMSamples.WithCrc(ThreeMSamples.CapturedReadEightBlocksReplyWithoutCrc)));

        var read = Assert.IsType<ThreeMReadBlocksResponse>(response);
        Assert.Equal(ThreeMSamples.Book, read.Uid);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (byte)i), read.Blocks.Select(block => block.Number));
        Assert.All(read.Blocks, block => Assert.Equal(0, block.LockStatus));
        Assert.Equal("04110001", Hex.Of(read.Blocks[0].Data.Span));
        Assert.Equal("1302099999", System.Text.Encoding.ASCII.GetString(read.JoinData(), 4, 10));
    }

    [Fact]
    public void Captured_get_afi_reply_gives_the_afi()
    {
        var response = DecodeReply(Hex.Of(ThreeMSamples.WithCrc(ThreeMSamples.CapturedGetAfiReplyWithoutCrc)));

        var afi = Assert.IsType<ThreeMGetAfiResponse>(response);
        Assert.Equal(ThreeMSamples.Book, afi.Uid);
        Assert.Equal(0xDA, afi.Afi);
    }

    [Fact]
    public void Write_afi_reply_with_its_captured_crc_echoes_the_uid()
    {
        var response = DecodeReply(ThreeMSamples.WriteAfiReply);

        Assert.Equal(new TransponderUid(0xE00401003123AA26), Assert.IsType<ThreeMWriteAfiResponse>(response).Uid);
        Assert.Equal(ThreeMSamples.WriteAfiReply, Hex.Of(ThreeMEncoder.Encode(response)));
    }

    [Fact]
    public void Write_blocks_reply_with_its_captured_crc_gives_the_next_block()
    {
        var response = DecodeReply(ThreeMSamples.WriteSixBlocksReply);

        Assert.Equal((byte)6, Assert.IsType<ThreeMWriteBlocksResponse>(response).NextBlock);
    }

    [Fact]
    public void Unimplemented_command_reply_from_the_specification_has_nothing_after_the_error_code()
    {
        // §5: "D6 00 04 CC 02 XX XX", the CRC filled in.
        var response = DecodeReply(Hex.Of(ThreeMSamples.WithCrc("D6 00 04 55 02")));

        var error = Assert.IsType<ThreeMErrorResponse>(response);
        Assert.Equal(ThreeMErrorCode.CommandNotImplemented, error.Error);
        Assert.Null(error.Uid);
        Assert.Contains("not implemented", error.Meaning, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_read_still_echoes_the_uid()
    {
        // 3m-810.pl expects "D6 00 0D 02 06 <uid>" when a tag leaves the field during a read.
        var response = DecodeReply(Hex.Of(ThreeMSamples.WithCrc("D6 00 0D 02 06 E0 04 01 00 31 26 91 17 00")));

        var error = Assert.IsType<ThreeMErrorResponse>(response);
        Assert.Equal(ThreeMErrorCode.NoTransponder, error.Error);
        Assert.Equal(ThreeMSamples.Book, error.Uid);
        Assert.Equal(1, error.Rest.Length);
    }

    [Fact]
    public void Hardware_version_probe_frames_with_start_byte_d5_pass_through_unchanged()
    {
        var request = DecodeRequest(ThreeMSamples.CapturedHardwareVersionProbe);

        var unknown = Assert.IsType<ThreeMUnknownRequest>(request);
        Assert.Equal(0xD5, unknown.StartByte);
        Assert.Equal(ThreeMSamples.CapturedHardwareVersionProbe, Hex.Of(ThreeMEncoder.Encode(unknown)).ToLowerInvariant());
    }

    private static ThreeMRequest DecodeRequest(string hex)
    {
        Assert.True(ThreeMFrame.TryParse(Hex.Bytes(hex), FrameDirection.HostToReader, out var frame, out var problem), problem);
        Assert.True(frame.CrcValid, $"CRC carried {frame.CarriedCrc:X4}, computed {frame.ComputedCrc:X4}");
        Assert.True(ThreeMMessageParser.TryParseRequest(frame, out var request, out problem), problem);
        return request;
    }

    private static ThreeMResponse DecodeReply(string hex)
    {
        Assert.True(ThreeMFrame.TryParse(Hex.Bytes(hex), FrameDirection.ReaderToHost, out var frame, out var problem), problem);
        Assert.True(frame.CrcValid, $"CRC carried {frame.CarriedCrc:X4}, computed {frame.ComputedCrc:X4}");
        Assert.True(ThreeMMessageParser.TryParseResponse(frame, out var response, out problem), problem);
        return response;
    }
}
