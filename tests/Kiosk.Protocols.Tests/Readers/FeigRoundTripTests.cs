using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.Feig.Messages;

namespace Kiosk.Protocols.Tests.Readers;

public sealed class FeigRoundTripTests
{
    public static TheoryData<int> RequestIndexes => [.. Enumerable.Range(0, FeigSamples.Requests().Count())];

    public static TheoryData<int> ReplyIndexes => [.. Enumerable.Range(0, FeigSamples.Replies().Count())];

    [Theory]
    [MemberData(nameof(RequestIndexes))]
    public void Request_encoded_by_the_driver_decodes_on_the_simulator_side_to_the_same_frame(int index)
    {
        var request = FeigSamples.Requests().ElementAt(index);
        var wire = FeigEncoder.Encode(request);
        var decoder = new FeigFrameDecoder(FrameDirection.HostToReader);

        decoder.Feed(wire);

        Assert.True(decoder.TryRead(out var result));
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(request.GetType(), result.Request!.GetType());
        Assert.Equal(request.Address, result.Request.Address);
        Assert.Equal(Hex.Of(wire), Hex.Of(FeigEncoder.Encode(result.Request)));
        Assert.False(decoder.TryRead(out _));
    }

    [Theory]
    [MemberData(nameof(ReplyIndexes))]
    public void Reply_encoded_by_the_simulator_decodes_on_the_driver_side_to_the_same_frame(int index)
    {
        var (request, response) = FeigSamples.Replies().ElementAt(index);
        var wire = FeigEncoder.Encode(response);
        var decoder = new FeigFrameDecoder(FrameDirection.ReaderToHost) { PendingRequest = request };

        decoder.Feed(wire);

        Assert.True(decoder.TryRead(out var result));
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(response.GetType(), result.Response!.GetType());
        Assert.Equal(response.Status, result.Response.Status);
        Assert.Equal(response.IsoError, result.Response.IsoError);
        Assert.Equal(Hex.Of(wire), Hex.Of(FeigEncoder.Encode(result.Response)));
    }

    [Fact]
    public void Reply_longer_than_255_bytes_goes_out_as_an_advanced_frame_and_comes_back()
    {
        // §3.1, p.18: STX (0x02), ALENGTH MSB LSB, then the standard fields.
        var tags = Enumerable.Range(0, 30).Select(i => new FeigInventoryEntry(new TransponderUid(0xE004010000000000UL + (ulong)i))).ToArray();
        var response = new FeigInventoryResponse { Transponders = tags };

        var wire = FeigEncoder.Encode(response);
        var decoder = new FeigFrameDecoder(FrameDirection.ReaderToHost) { PendingRequest = new FeigInventoryRequest() };
        decoder.Feed(wire);

        Assert.Equal(0x02, wire[0]);
        Assert.Equal(wire.Length, (wire[1] << 8) | wire[2]);
        Assert.True(decoder.TryRead(out var result));
        Assert.Equal(FeigFrameFormat.Advanced, result.Frame!.Format);
        Assert.Equal(tags.Select(tag => tag.Uid), Assert.IsType<FeigInventoryResponse>(result.Response).Transponders.Select(tag => tag.Uid));
    }

    [Fact]
    public void Short_reply_can_be_forced_into_the_advanced_layout()
    {
        var wire = FeigEncoder.Encode(new FeigStatusResponse { CommandByte = 0x63 }, FeigFrameFormat.Advanced);

        Assert.Equal("0200080063", Hex.Of(wire.AsSpan(0, 5)));
        Assert.True(FeigFrame.TryParse(wire, FrameDirection.ReaderToHost, out var frame, out _));
        Assert.True(frame.CrcValid);
    }

    [Fact]
    public void Block_reply_without_its_request_stays_raw_data_instead_of_guessing()
    {
        var wire = Hex.Bytes(FeigSamples.AnnexFReadFourByteBlocksReply);
        var decoder = new FeigFrameDecoder(FrameDirection.ReaderToHost);

        decoder.Feed(wire);

        Assert.True(decoder.TryRead(out var result));
        var raw = Assert.IsType<FeigStatusResponse>(result.Response);
        Assert.Equal(0xB0, raw.Command);
        Assert.Equal(wire.Length - 6, raw.Data.Length);
    }

    [Fact]
    public void Addressed_request_without_a_uid_is_refused_when_encoding()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FeigEncoder.Encode(new FeigWriteAfiRequest { Afi = 0x07 }));

        Assert.Contains("UID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_of_a_partial_block_is_refused_when_encoding()
    {
        Assert.Throws<InvalidOperationException>(() => FeigEncoder.Encode(new FeigWriteMultipleBlocksRequest { Uid = FeigSamples.Book, Data = new byte[5] }));
    }
}
