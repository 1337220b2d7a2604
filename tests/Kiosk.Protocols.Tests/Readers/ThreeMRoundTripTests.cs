using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.ThreeM;

namespace Kiosk.Protocols.Tests.Readers;

public sealed class ThreeMRoundTripTests
{
    public static TheoryData<int> RequestIndexes => [.. Enumerable.Range(0, ThreeMSamples.Requests().Count())];

    public static TheoryData<int> ReplyIndexes => [.. Enumerable.Range(0, ThreeMSamples.Replies().Count())];

    [Theory]
    [MemberData(nameof(RequestIndexes))]
    public void Request_encoded_by_the_driver_decodes_on_the_simulator_side_to_the_same_frame(int index)
    {
        var request = ThreeMSamples.Requests().ElementAt(index);
        var wire = ThreeMEncoder.Encode(request);
        var decoder = new ThreeMFrameDecoder(FrameDirection.HostToReader);

        decoder.Feed(wire);

        Assert.True(decoder.TryRead(out var result));
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(request.GetType(), result.Request!.GetType());
        Assert.Equal(Hex.Of(wire), Hex.Of(ThreeMEncoder.Encode(result.Request)));
    }

    [Theory]
    [MemberData(nameof(ReplyIndexes))]
    public void Reply_encoded_by_the_simulator_decodes_on_the_driver_side_to_the_same_frame(int index)
    {
        var response = ThreeMSamples.Replies().ElementAt(index);
        var wire = ThreeMEncoder.Encode(response);
        var decoder = new ThreeMFrameDecoder(FrameDirection.ReaderToHost);

        decoder.Feed(wire);

        Assert.True(decoder.TryRead(out var result));
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(response.GetType(), result.Response!.GetType());
        Assert.Equal(response.Error, result.Response.Error);
        Assert.Equal(Hex.Of(wire), Hex.Of(ThreeMEncoder.Encode(result.Response)));
    }

    [Fact]
    public void Write_of_a_partial_block_is_refused_when_encoding()
    {
        var request = new Kiosk.Protocols.Readers.ThreeM.Messages.ThreeMWriteBlocksRequest { Uid = ThreeMSamples.Book, Data = new byte[6] };

        Assert.Throws<InvalidOperationException>(() => ThreeMEncoder.Encode(request));
    }
}
