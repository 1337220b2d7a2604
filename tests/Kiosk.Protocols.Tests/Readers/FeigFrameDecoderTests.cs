using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.Feig.Messages;

namespace Kiosk.Protocols.Tests.Readers;

public sealed class FeigFrameDecoderTests
{
    private static readonly byte[] CpuResetReply = Hex.Bytes("06 00 63 00 86 07");

    [Theory]
    [InlineData(FrameDirection.HostToReader, 20250301)]
    [InlineData(FrameDirection.ReaderToHost, 15693)]
    public void Decoder_never_throws_on_random_bytes_split_at_random_points(FrameDirection direction, int seed)
    {
        var random = new Random(seed);
        var decoder = new FeigFrameDecoder(direction, maxFrameLength: 512) { PendingRequest = new FeigInventoryRequest() };
        var valid = direction == FrameDirection.HostToReader
            ? FeigSamples.Requests().Select(FeigEncoder.Encode).ToArray()
            : FeigSamples.Replies().Select(pair => FeigEncoder.Encode(pair.Response)).ToArray();
        var frames = 0;
        for (var chunk = 0; chunk < 20_000; chunk++)
        {
            // Mostly noise, sometimes a valid frame, so that both paths are exercised.
            var bytes = random.Next(8) == 0 ? valid[random.Next(valid.Length)] : RandomBytes(random, random.Next(0, 48));
            var split = random.Next(bytes.Length + 1);
            decoder.Feed(bytes.AsSpan(0, split));
            decoder.Feed(bytes.AsSpan(split));
            while (decoder.TryRead(out var result))
            {
                Assert.True(result.Frame is not null || result.Error is not null);
                if (result.Frame is not null)
                {
                    frames++;
                }
            }

            Assert.InRange(decoder.Pending, 0, decoder.MaxFrameLength);
        }

        Assert.True(frames > 1000, $"only {frames} frames came through; the fuzz is not reaching the parser");
    }

    [Fact]
    public void Decoder_never_throws_on_valid_frames_mutated_at_random()
    {
        var random = new Random(4711);
        var replies = FeigSamples.Replies().ToArray();
        var decoder = new FeigFrameDecoder(FrameDirection.ReaderToHost);
        for (var round = 0; round < 5_000; round++)
        {
            var (request, response) = replies[random.Next(replies.Length)];
            var frame = FeigEncoder.Encode(response);
            frame[random.Next(frame.Length)] = (byte)random.Next(256);
            decoder.PendingRequest = request;
            decoder.Feed(frame);
            while (decoder.TryRead(out var result))
            {
                Assert.True(result.Frame is not null || result.Error is not null);
            }
        }
    }

    [Fact]
    public void Garbage_before_a_valid_frame_is_reported_once_and_the_frame_still_decodes()
    {
        var decoder = new FeigFrameDecoder(FrameDirection.ReaderToHost);

        // 0xFF claims a 255-byte frame; the decoder must not sit on it while a complete valid frame follows.
        decoder.Feed([0xFF, 0x13, 0x00, 0x42, .. CpuResetReply]);

        Assert.True(decoder.TryRead(out var garbage));
        Assert.NotNull(garbage.Error);
        Assert.Equal(0, garbage.Error.Offset);
        Assert.Equal(4, garbage.Error.Length);
        Assert.True(decoder.TryRead(out var frame));
        Assert.True(frame.IsSuccess);
        Assert.Equal((byte)FeigCommand.CpuReset, frame.Response!.Command);
        Assert.False(decoder.TryRead(out _));
        Assert.Equal(0, decoder.Pending);
    }

    [Fact]
    public void Frame_with_a_wrong_crc_is_reported_and_the_next_frame_decodes()
    {
        var corrupted = (byte[])CpuResetReply.Clone();
        corrupted[^1] ^= 0x01;
        var decoder = new FeigFrameDecoder(FrameDirection.ReaderToHost);

        decoder.Feed([.. corrupted, .. CpuResetReply]);

        Assert.True(decoder.TryRead(out var error));
        Assert.Contains("CRC", error.Error!.Reason, StringComparison.Ordinal);
        Assert.True(decoder.TryRead(out var frame));
        Assert.True(frame.IsSuccess);
    }

    [Fact]
    public void Frame_split_at_every_point_decodes_the_same()
    {
        var wire = Hex.Bytes(FeigSamples.AnnexFReadEightByteBlocksReply);
        for (var split = 0; split <= wire.Length; split++)
        {
            var decoder = new FeigFrameDecoder(FrameDirection.ReaderToHost) { PendingRequest = new FeigReadMultipleBlocksRequest { Uid = FeigSamples.Book, BlockCount = 3 } };
            decoder.Feed(wire.AsSpan(0, split));
            decoder.Feed(wire.AsSpan(split));

            Assert.True(decoder.TryRead(out var result), $"split at {split}");
            Assert.Equal(3, Assert.IsType<FeigReadMultipleBlocksResponse>(result.Response).Blocks.Count);
        }
    }

    [Fact]
    public void Over_long_advanced_frame_is_reported_and_not_buffered()
    {
        var decoder = new FeigFrameDecoder(FrameDirection.ReaderToHost, maxFrameLength: 1024);

        decoder.Feed([0x02, 0x10, 0x00, 0x00, 0xB0, 0x00]);
        decoder.FlushIncomplete();

        Assert.True(decoder.TryRead(out var result));
        Assert.Contains("over-long frame", result.Error!.Reason, StringComparison.Ordinal);
        Assert.Contains("4096", result.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_frame_is_reported_when_the_line_goes_quiet()
    {
        var decoder = new FeigFrameDecoder(FrameDirection.ReaderToHost);

        decoder.Feed(CpuResetReply.AsSpan(0, 4));
        Assert.False(decoder.TryRead(out _));
        Assert.Equal(4, decoder.Pending);
        decoder.FlushIncomplete();

        Assert.True(decoder.TryRead(out var result));
        Assert.Contains("truncated frame", result.Error!.Reason, StringComparison.Ordinal);
        Assert.Equal(4, result.Error.Length);
        Assert.Equal(0, decoder.Pending);
    }

    [Fact]
    public void Truncated_frame_followed_by_a_valid_frame_is_reported_and_the_valid_frame_decodes()
    {
        var decoder = new FeigFrameDecoder(FrameDirection.ReaderToHost) { PendingRequest = new FeigReadMultipleBlocksRequest { Uid = FeigSamples.Book, BlockCount = 3 } };
        var truncated = Hex.Bytes(FeigSamples.AnnexFReadEightByteBlocksReply).AsSpan(0, 20).ToArray();

        decoder.Feed([.. truncated, .. Hex.Bytes(FeigSamples.AnnexFReadFourByteBlocksReply)]);

        Assert.True(decoder.TryRead(out var error));
        // The cut frame's length runs into the next frame, so it fails its CRC and its 20 bytes are skipped.
        Assert.Equal(20, error.Error!.Length);
        Assert.Contains("did not form a valid frame", error.Error.Reason, StringComparison.Ordinal);
        Assert.True(decoder.TryRead(out var frame));
        Assert.Equal(3, Assert.IsType<FeigReadMultipleBlocksResponse>(frame.Response).Blocks.Count);
    }

    [Fact]
    public void Frame_whose_data_disagrees_with_its_request_is_an_error_with_the_frame_attached()
    {
        var decoder = new FeigFrameDecoder(FrameDirection.ReaderToHost) { PendingRequest = new FeigReadMultipleBlocksRequest { Uid = FeigSamples.Book } };

        // A block reply that declares 3 blocks of 4 bytes but carries 2.
        decoder.Feed(FeigEncoder.Encode(new FeigStatusResponse { CommandByte = 0xB0, Data = Hex.Bytes("03 04 00 01 02 03 04 00 11 12 13 14") }));

        Assert.True(decoder.TryRead(out var result));
        Assert.NotNull(result.Frame);
        Assert.False(result.IsSuccess);
        Assert.Contains("3 block(s)", result.Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_decoder_reads_a_reply_frame_length_without_a_status_byte()
    {
        // The same bytes mean different things per direction: a host decoder sees CMD then data, no STATUS.
        var decoder = new FeigFrameDecoder(FrameDirection.HostToReader);

        decoder.Feed(Hex.Bytes("06 FF 66 00 CD BF"));

        Assert.True(decoder.TryRead(out var result));
        Assert.Null(result.Frame!.Status);
        Assert.Equal(0x00, Assert.IsType<FeigGetReaderInfoRequest>(result.Request).Mode);
    }

    [Fact]
    public void Reset_forgets_a_partial_frame()
    {
        var decoder = new FeigFrameDecoder(FrameDirection.ReaderToHost);
        decoder.Feed(CpuResetReply.AsSpan(0, 3));

        decoder.Reset();
        decoder.Feed(CpuResetReply);

        Assert.True(decoder.TryRead(out var result));
        Assert.True(result.IsSuccess);
        Assert.Equal(0, result.Frame!.Address);
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
