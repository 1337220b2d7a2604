using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.ThreeM;
using Kiosk.Protocols.Readers.ThreeM.Messages;

namespace Kiosk.Protocols.Tests.Readers;

public sealed class ThreeMFrameDecoderTests
{
    [Theory]
    [InlineData(FrameDirection.HostToReader, 810)]
    [InlineData(FrameDirection.ReaderToHost, 19200)]
    public void Decoder_never_throws_on_random_bytes_split_at_random_points(FrameDirection direction, int seed)
    {
        var random = new Random(seed);
        var decoder = new ThreeMFrameDecoder(direction, maxFrameLength: 512);
        var valid = direction == FrameDirection.HostToReader
            ? ThreeMSamples.Requests().Select(ThreeMEncoder.Encode).ToArray()
            : ThreeMSamples.Replies().Select(ThreeMEncoder.Encode).ToArray();
        var frames = 0;
        for (var chunk = 0; chunk < 20_000; chunk++)
        {
            byte[] bytes;
            if (random.Next(8) == 0)
            {
                bytes = valid[random.Next(valid.Length)];
            }
            else
            {
                // Start bytes are over-represented so that many candidate frames reach the CRC check.
                bytes = new byte[random.Next(0, 48)];
                random.NextBytes(bytes);
                for (var i = 0; i < bytes.Length; i += 7)
                {
                    bytes[i] = 0xD6;
                }
            }

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

        Assert.True(frames > 1000, $"only {frames} frames came through");
    }

    [Fact]
    public void Decoder_never_throws_on_valid_frames_mutated_at_random()
    {
        var random = new Random(3);
        var replies = ThreeMSamples.Replies().Select(ThreeMEncoder.Encode).ToArray();
        var decoder = new ThreeMFrameDecoder(FrameDirection.ReaderToHost);
        for (var round = 0; round < 5_000; round++)
        {
            var frame = (byte[])replies[random.Next(replies.Length)].Clone();
            frame[random.Next(frame.Length)] = (byte)random.Next(256);
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
        var decoder = new ThreeMFrameDecoder(FrameDirection.ReaderToHost);

        // A stray D6 with a huge length must not hold back the complete reply behind it.
        decoder.Feed([0x00, 0xD6, 0x03, 0xFF, 0x42, .. Hex.Bytes(ThreeMSamples.OneTagReply)]);

        Assert.True(decoder.TryRead(out var garbage));
        Assert.Equal(5, garbage.Error!.Length);
        Assert.True(decoder.TryRead(out var frame));
        Assert.Single(Assert.IsType<ThreeMInventoryResponse>(frame.Response).Tags);
        Assert.False(decoder.TryRead(out _));
    }

    [Fact]
    public void Frame_with_a_wrong_crc_is_reported_and_the_next_frame_decodes()
    {
        var corrupted = Hex.Bytes(ThreeMSamples.WriteAfiReply);
        corrupted[^2] ^= 0x80;
        var decoder = new ThreeMFrameDecoder(FrameDirection.ReaderToHost);

        decoder.Feed([.. corrupted, .. Hex.Bytes(ThreeMSamples.WriteAfiReply)]);

        Assert.True(decoder.TryRead(out var error));
        Assert.Contains("CRC", error.Error!.Reason, StringComparison.Ordinal);
        Assert.True(decoder.TryRead(out var frame));
        Assert.IsType<ThreeMWriteAfiResponse>(frame.Response);
    }

    [Fact]
    public void Over_long_frame_is_reported_and_not_buffered()
    {
        var decoder = new ThreeMFrameDecoder(FrameDirection.ReaderToHost, maxFrameLength: 256);

        decoder.Feed([0xD6, 0x02, 0x00, 0xFE, 0x00]);
        decoder.FlushIncomplete();

        Assert.True(decoder.TryRead(out var result));
        Assert.Contains("over-long frame", result.Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_frame_is_reported_when_the_reply_times_out()
    {
        var decoder = new ThreeMFrameDecoder(FrameDirection.ReaderToHost);

        decoder.Feed(Hex.Bytes(ThreeMSamples.OneTagReply).AsSpan(0, 10));
        Assert.False(decoder.TryRead(out _));
        decoder.FlushIncomplete();

        Assert.True(decoder.TryRead(out var result));
        Assert.Contains("truncated frame", result.Error!.Reason, StringComparison.Ordinal);
        Assert.Equal(10, result.Error.Length);
    }

    [Fact]
    public void Length_below_the_minimum_is_garbage()
    {
        var decoder = new ThreeMFrameDecoder(FrameDirection.ReaderToHost);

        decoder.Feed([0xD6, 0x00, 0x02, 0x01, 0x02]);

        Assert.True(decoder.TryRead(out var result));
        Assert.Contains("below the minimum", result.Error!.Reason, StringComparison.Ordinal);
    }
}
