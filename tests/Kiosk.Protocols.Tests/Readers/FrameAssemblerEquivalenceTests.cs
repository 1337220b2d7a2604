using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.Feig.Messages;
using Kiosk.Protocols.Readers.ThreeM;

namespace Kiosk.Protocols.Tests.Readers;

/// <summary>
/// The frame assembler finds the same frames and reports the same skipped runs (offset, length and reason) as the
/// plain one it replaced (<see cref="ReferenceFrameAssembler"/>), on streams of valid frames, corrupted frames, noise
/// and truncations, cut into reads of every size, with quiet-line flushes in between.
/// </summary>
public sealed class FrameAssemblerEquivalenceTests
{
    // 80 blocks of 4 bytes in an advanced frame: longer than any standard frame, so the CRC's longer path is taken.
    private static readonly FeigReadMultipleBlocksResponse LongReadReply = new()
    {
        Blocks = Enumerable.Range(0, 80).Select(index => new FeigBlock((byte)index, new byte[] { (byte)index, 0x11, 0x22, 0x33 })).ToArray(),
    };

    public static TheoryData<string, int, int> Cases()
    {
        var cases = new TheoryData<string, int, int>();
        foreach (var syntax in (string[])["feig-replies", "feig-requests", "3m-replies", "3m-requests"])
        {
            foreach (var maxFrameLength in (int[])[64, 512, 4096])
            {
                for (var seed = 0; seed < 8; seed++)
                {
                    cases.Add(syntax, maxFrameLength, seed);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_assembler_reports_what_the_plain_assembler_reports(string syntaxName, int maxFrameLength, int seed)
    {
        var (syntax, frames) = Syntax(syntaxName);
        var random = new Random(seed * 7919 + maxFrameLength);
        var fast = new FrameAssembler(syntax, maxFrameLength);
        var plain = new ReferenceFrameAssembler(syntax, maxFrameLength);
        var fastOutput = new Queue<FrameAssemblerOutput>();
        var plainOutput = new Queue<FrameAssemblerOutput>();
        var frameCount = 0;

        for (var round = 0; round < 300; round++)
        {
            var feig = syntaxName.StartsWith("feig", StringComparison.Ordinal);
            var startByte = feig ? FeigFrameSyntax.StartOfText : ThreeMFrameSyntax.StartByte;
            var bytes = Piece(random, frames, startByte);
            var readSize = random.Next(4) == 0 ? 1 : random.Next(1, 300);
            for (var index = 0; index < bytes.Length; index += readSize)
            {
                var read = bytes.AsSpan(index, Math.Min(readSize, bytes.Length - index));
                fast.Feed(read, fastOutput);
                plain.Feed(read, plainOutput);
                Assert.Equal(plain.Pending, fast.Pending);
            }

            if (random.Next(10) == 0)
            {
                fast.FlushIncomplete(fastOutput);
                plain.FlushIncomplete(plainOutput);
            }

            frameCount += AssertSameOutput(plainOutput, fastOutput);
        }

        fast.FlushIncomplete(fastOutput);
        plain.FlushIncomplete(plainOutput);
        frameCount += AssertSameOutput(plainOutput, fastOutput);
        Assert.Equal(0, fast.Pending);

        // The streams must have exercised the path that matters: frames found among the garbage.
        Assert.True(frameCount > 20, $"only {frameCount} frames were found");
    }

    private static int AssertSameOutput(Queue<FrameAssemblerOutput> expected, Queue<FrameAssemblerOutput> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        var frames = 0;
        while (expected.TryDequeue(out var want))
        {
            var got = actual.Dequeue();
            Assert.Equal(want.Offset, got.Offset);
            Assert.Equal(want.Error, got.Error);
            Assert.Equal(ToHex(want.Frame), ToHex(got.Frame));
            frames += want.Frame is null ? 0 : 1;
        }

        return frames;
    }

    private static string? ToHex(byte[]? frame) => frame is null ? null : Convert.ToHexString(frame);

    private static (IFrameSyntax Syntax, byte[][] Frames) Syntax(string name) => name switch
    {
        "feig-replies" => (new FeigFrameSyntax(FrameDirection.ReaderToHost),
            FeigSamples.Replies().Select(pair => FeigEncoder.Encode(pair.Response))
                .Append(Hex.Bytes(FeigSamples.AnnexFReadEightByteBlocksReply))
                .Append(FeigEncoder.Encode(LongReadReply, FeigFrameFormat.Advanced)).ToArray()),
        "feig-requests" => (new FeigFrameSyntax(FrameDirection.HostToReader),
            FeigSamples.Requests().Select(FeigEncoder.Encode).Append(Hex.Bytes(FeigSamples.AnnexFWriteEightByteBlocks)).ToArray()),
        "3m-replies" => (new ThreeMFrameSyntax(FrameDirection.ReaderToHost),
            [Hex.Bytes(ThreeMSamples.NoTagInRangeReply), Hex.Bytes(ThreeMSamples.OneTagReply),
             Hex.Bytes(ThreeMSamples.TagAndCardReply), Hex.Bytes(ThreeMSamples.WriteAfiReply),
             ThreeMSamples.WithCrc(ThreeMSamples.CapturedReadEightBlocksReplyWithoutCrc)]),
        _ => (new ThreeMFrameSyntax(FrameDirection.HostToReader),
            [Hex.Bytes(ThreeMSamples.CapturedInventoryRequest), Hex.Bytes(ThreeMSamples.CapturedGetAfiRequest),
             Hex.Bytes(ThreeMSamples.CapturedReadEightBlocksRequest), Hex.Bytes(ThreeMSamples.CapturedHardwareVersionProbe),
             Hex.Bytes(ThreeMSamples.WriteAfiSecuredRequest)]),
    };

    /// <summary>A valid frame, a corrupted or cut one, random bytes, or a header promising a long frame.</summary>
    private static byte[] Piece(Random random, byte[][] frames, byte startByte)
    {
        var frame = frames[random.Next(frames.Length)];
        switch (random.Next(6))
        {
            case 0:
            case 1:
                return frame;
            case 2:
                var corrupted = (byte[])frame.Clone();
                corrupted[random.Next(corrupted.Length)] ^= (byte)random.Next(1, 256);
                return corrupted;
            case 3:
                return frame[..random.Next(1, frame.Length)];
            case 4:
                var noise = new byte[random.Next(0, 200)];
                random.NextBytes(noise);
                return noise;
            default:
                // A header that promises a long frame, then whatever follows.
                return [startByte, (byte)random.Next(0, 3), (byte)random.Next(256), .. frame];
        }
    }
}
