using System.Text;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;

namespace Kiosk.Protocols.Tests.Sip2;

public sealed class Sip2FrameDecoderTests
{
    private static readonly byte[] LoginResponseFrame = "941AY1AZFDFC\r"u8.ToArray();

    [Fact]
    public void Decoder_never_throws_on_random_bytes_split_at_random_points()
    {
        // Seeded so a failure reproduces; CR and '|' are over-represented so that many short frames reach the parser.
        var random = new Random(20250301);
        var options = new Sip2CodecOptions { MaxFrameLength = 512 };
        var decoder = new Sip2FrameDecoder(options);
        byte[] alphabet = [.. "0123456789AYZ|\r\n "u8, 0x00, 0xC3, 0xA1, 0xFF];
        var results = 0;
        for (var chunk = 0; chunk < 20_000; chunk++)
        {
            var bytes = new byte[random.Next(0, 64)];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = random.Next(3) == 0 ? alphabet[random.Next(alphabet.Length)] : (byte)random.Next(256);
            }

            decoder.Feed(bytes);
            while (decoder.TryRead(out var result))
            {
                results++;
                Assert.True(result.Message is not null || result.Error is not null);
                Assert.True(result.Error is null || result.Error.Position >= 0);
            }
        }

        Assert.True(results > 1000, $"only {results} frames were decoded; the fuzz is not reaching the parser");
        Assert.InRange(decoder.Pending, 0, options.MaxFrameLength);
    }

    [Fact]
    public void Decoder_never_throws_on_valid_frames_mutated_at_random()
    {
        var random = new Random(1258);
        var options = new Sip2CodecOptions { Encoding = Sip2Charset.Get("windows-1258") };
        var encoder = new Sip2Encoder(options);
        var frames = Sip2SampleMessages.All("Nguyễn Văn An", "Truyện Kiều", "Cảm ơn").Select(m => encoder.Encode(m, 1)).ToArray();
        var decoder = new Sip2FrameDecoder(options);
        for (var round = 0; round < 5_000; round++)
        {
            var frame = (byte[])frames[random.Next(frames.Length)].Clone();
            frame[random.Next(frame.Length - 1)] = (byte)random.Next(256);
            decoder.Feed(frame);
            while (decoder.TryRead(out var result))
            {
                Assert.True(result.Message is not null || result.Error is not null);
            }
        }
    }

    [Fact]
    public void Decoder_resynchronises_after_garbage()
    {
        var decoder = new Sip2FrameDecoder();
        decoder.Feed([0xFF, 0x00, .. "garbage|AZ"u8, (byte)'\r', .. LoginResponseFrame]);

        Assert.True(decoder.TryRead(out var garbage));
        Assert.NotNull(garbage.Error);
        Assert.True(decoder.TryRead(out var valid));
        Assert.True(valid.IsSuccess);
        Assert.True(Assert.IsType<LoginResponse>(valid.Message).Ok);
    }

    [Fact]
    public void Decoder_yields_the_same_messages_whatever_the_split_points()
    {
        var random = new Random(42);
        var stream = Enumerable.Range(0, 50).SelectMany(_ => LoginResponseFrame.Concat("9900802.00AY1AZFCA0\r\n"u8.ToArray())).ToArray();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var decoder = new Sip2FrameDecoder();
            var at = 0;
            while (at < stream.Length)
            {
                var length = Math.Min(random.Next(1, 30), stream.Length - at);
                decoder.Feed(stream.AsSpan(at, length));
                at += length;
            }

            var commands = new List<string>();
            while (decoder.TryRead(out var result))
            {
                Assert.True(result.IsSuccess, result.Error?.ToString());
                commands.Add(result.Message!.Command);
            }

            Assert.Equal(100, commands.Count);
            Assert.Equal(50, commands.Count(c => c == "99"));
        }
    }

    [Fact]
    public void Over_long_run_without_CR_is_reported_once_then_skipped()
    {
        var decoder = new Sip2FrameDecoder(new Sip2CodecOptions { MaxFrameLength = 100 });
        for (var i = 0; i < 10; i++)
        {
            decoder.Feed(Enumerable.Repeat((byte)'A', 60).ToArray());
        }

        Assert.True(decoder.TryRead(out var overlong));
        Assert.Null(overlong.Message);
        Assert.Contains("expected a terminator (CR) within 100 bytes", overlong.Error!.Reason, StringComparison.Ordinal);
        Assert.False(decoder.TryRead(out _));
        Assert.Equal(0, decoder.Pending);

        decoder.Feed([.. "tail of the long run\r"u8, .. LoginResponseFrame]);
        Assert.True(decoder.TryRead(out var next));
        Assert.True(next.IsSuccess);
        Assert.False(decoder.TryRead(out _));
    }

    [Fact]
    public void CR_LF_terminated_frames_decode()
    {
        var decoder = new Sip2FrameDecoder();
        decoder.Feed("941AY1AZFDFC\r\n941AY1AZFDFC\r\n"u8);

        Assert.True(decoder.TryRead(out var first));
        Assert.True(decoder.TryRead(out var second));
        Assert.True(first.IsSuccess && second.IsSuccess);
        Assert.Equal("941AY1AZFDFC", Encoding.ASCII.GetString(second.Frame.Span));
    }

    [Fact]
    public void LF_prefixed_frames_and_empty_lines_decode()
    {
        var decoder = new Sip2FrameDecoder();
        decoder.Feed("\n\n941AY1AZFDFC\r\r\n\r\n941AY1AZFDFC\r"u8);

        Assert.True(decoder.TryRead(out var first));
        Assert.True(decoder.TryRead(out var second));
        Assert.True(first.IsSuccess && second.IsSuccess);
        Assert.False(decoder.TryRead(out _));
    }

    [Fact]
    public void Frame_split_inside_a_multibyte_character_decodes()
    {
        var options = Sip2CodecOptions.Default;
        var frame = new Sip2Encoder(options).Encode(new EndSessionResponse { TransactionDate = Sip2SampleMessages.When, ScreenMessages = ["Tạm biệt"] }, 2);
        var decoder = new Sip2FrameDecoder(options);
        var split = Array.IndexOf(frame, (byte)0xE1) + 1;

        decoder.Feed(frame.AsSpan(0, split));
        Assert.False(decoder.TryRead(out _));
        decoder.Feed(frame.AsSpan(split));

        Assert.True(decoder.TryRead(out var result));
        Assert.Equal(["Tạm biệt"], Assert.IsType<EndSessionResponse>(result.Message).ScreenMessages);
    }

    [Fact]
    public void Reset_forgets_a_partial_frame()
    {
        var decoder = new Sip2FrameDecoder();
        decoder.Feed("941AY1"u8);
        decoder.Reset();
        decoder.Feed(LoginResponseFrame);

        Assert.True(decoder.TryRead(out var result));
        Assert.True(result.IsSuccess);
    }
}
