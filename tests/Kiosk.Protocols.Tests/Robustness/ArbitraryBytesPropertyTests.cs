using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kiosk.Protocols.Printing.EscPos;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.ThreeM;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Tags;

namespace Kiosk.Protocols.Tests.Robustness;

/// <summary>
/// Every decoder takes arbitrary bytes, in arbitrary reads, without throwing, and holds no more than its bound. A
/// bounded run for CI; the SharpFuzz targets in fuzz/ search far longer, offline.
/// </summary>
public sealed class ArbitraryBytesPropertyTests
{
    /// <summary>Up to 8 KiB, biased toward each protocol's start bytes so headers and lengths are hit often.</summary>
    private static Arbitrary<(byte[] Bytes, int Read)> Input() =>
        Gen.Zip(
                Gen.Choose(0, 8192).SelectMany(length => Gen.ArrayOf(
                    Gen.Frequency((6, Gen.Choose(0, 255).Select(b => (byte)b)), (1, Gen.Elements<byte>(0x02, 0x0D, 0x1B, 0x1D, 0x7C, 0xD6, 0xD5, 0x00, 0xFF))),
                    length)),
                Gen.Choose(1, 300))
            .ToArbitrary();

    [Property(MaxTest = 200)]
    public Property The_FEIG_decoder_takes_any_bytes_in_either_direction() => Prop.ForAll(Input(), input =>
    {
        foreach (var direction in (FrameDirection[])[FrameDirection.ReaderToHost, FrameDirection.HostToReader])
        {
            var decoder = new FeigFrameDecoder(direction);
            var results = Drive(input, decoder.Feed, () => Count<FeigDecodeResult>(decoder.TryRead), () => decoder.Pending <= decoder.MaxFrameLength);
            decoder.FlushIncomplete();
            results += Count<FeigDecodeResult>(decoder.TryRead);
            Assert.Equal(0, decoder.Pending);
            Assert.InRange(results, 0, input.Bytes.Length);
        }
    });

    [Property(MaxTest = 200)]
    public Property The_3M_decoder_takes_any_bytes_in_either_direction() => Prop.ForAll(Input(), input =>
    {
        foreach (var direction in (FrameDirection[])[FrameDirection.ReaderToHost, FrameDirection.HostToReader])
        {
            var decoder = new ThreeMFrameDecoder(direction);
            var results = Drive(input, decoder.Feed, () => Count<ThreeMDecodeResult>(decoder.TryRead), () => decoder.Pending <= decoder.MaxFrameLength);
            decoder.FlushIncomplete();
            results += Count<ThreeMDecodeResult>(decoder.TryRead);
            Assert.Equal(0, decoder.Pending);
            Assert.InRange(results, 0, input.Bytes.Length);
        }
    });

    [Property(MaxTest = 200)]
    public Property The_SIP2_decoder_takes_any_bytes() => Prop.ForAll(Input(), input =>
    {
        var decoder = new Sip2FrameDecoder();
        var results = Drive(input, decoder.Feed, () => Count<Sip2DecodeResult>(decoder.TryRead), () => decoder.Pending <= decoder.Options.MaxFrameLength);
        Assert.InRange(results, 0, input.Bytes.Length);
    });

    [Property(MaxTest = 200)]
    public Property The_ESC_POS_decoder_takes_any_bytes_and_holds_at_most_its_cap_unread() => Prop.ForAll(Input(), input =>
    {
        var decoder = new EscPosDecoder(new EscPosDecoderOptions { MaxImageBytes = 4096, MaxPendingItems = 64 });
        for (var start = 0; start < input.Bytes.Length; start += input.Read)
        {
            decoder.Feed(input.Bytes.AsSpan(start, Math.Min(input.Read, input.Bytes.Length - start)));
            Assert.InRange(decoder.PendingItems, 0, 64);
            Assert.InRange(decoder.Pending, 0, 4096 + 64 * 1024);
        }

        decoder.Complete();
        Assert.Equal(0, decoder.Pending);
        var document = EscPosDecoder.DecodeAll(input.Bytes);
        Assert.Equal(input.Bytes.Length, document.Items.Sum(item => (long)item.Bytes.Length));
    });

    [Property(MaxTest = 300)]
    public Property The_ESC_POS_decoder_takes_any_corruption_of_a_job_with_images_graphics_and_codes() => Prop.ForAll(
        Gen.Zip(
                Gen.ArrayOf(Gen.Zip(Gen.Choose(0, SymbolAndGraphicsJob.Length - 1), Gen.Choose(0, 255)), 8),
                Gen.Choose(1, SymbolAndGraphicsJob.Length))
            .ToArbitrary(),
        corruption =>
        {
            // Valid headers with wrong bytes inside them reach the length and range checks that random bytes rarely do.
            var bytes = SymbolAndGraphicsJob[..corruption.Item2];
            foreach (var (index, value) in corruption.Item1.Where(change => change.Item1 < bytes.Length))
            {
                bytes[index] = (byte)value;
            }

            var document = EscPosDecoder.DecodeAll(bytes, new EscPosDecoderOptions { MaxImageBytes = 4096 });
            Assert.Equal(bytes.Length, document.Items.Sum(item => (long)item.Bytes.Length));
        });

    private static readonly byte[] SymbolAndGraphicsJob = new EscPosWriter()
        .Write(new UnderlineCommand(1)).Write(new AbsolutePositionCommand(96)).Write(new RelativePositionCommand(-12))
        .Write(new BitImageCommand(new MonochromeBitmap(4, 24), EscPosBitImageMode.TwentyFourDotDoubleDensity))
        .Write(new StoreGraphicsCommand(new MonochromeBitmap(16, 3))).Write(new PrintGraphicsCommand())
        .Write(new BarcodeModuleWidthCommand(2)).Write(new BarcodeCommand(EscPosBarcodeSymbology.Code128, [0x7B, 0x43, 12, 34, 0x7B, 0x42, 0x41]))
        .Write(new BarcodeCommand(EscPosBarcodeSymbology.Ean13, "400638133393"u8, nulTerminated: true))
        .QrCode("https://lib.example/7"u8).Cut(EscPosCutMode.Full)
        .ToArray();

    [Property(MaxTest = 300)]
    public Property Every_tag_codec_takes_any_memory() => Prop.ForAll(
        Gen.Choose(0, 256).SelectMany(length => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length)).ToArbitrary(),
        Gen.Elements(1, 4, 8, 32).ToArbitrary(),
        (bytes, blockSize) =>
        {
            var memory = new TagMemory(bytes, blockSize, Dsfid: 0x06);
            Assert.NotNull(LibraryTagCodec.Decode(memory));
            foreach (var model in (LibraryTagModel[])[LibraryTagModel.Iso28560Part2, LibraryTagModel.Iso28560Part3, LibraryTagModel.ThreeM])
            {
                Assert.NotNull(LibraryTagCodec.Decode(memory, model));
            }
        });

    private static int Drive((byte[] Bytes, int Read) input, FeedBytes feed, Func<int> drain, Func<bool> withinBound)
    {
        var results = 0;
        for (var start = 0; start < input.Bytes.Length; start += input.Read)
        {
            feed(input.Bytes.AsSpan(start, Math.Min(input.Read, input.Bytes.Length - start)));
            results += drain();
            Assert.True(withinBound(), "the decoder holds more than its bound");
        }

        return results;
    }

    private static int Count<T>(TryReadResult<T> tryRead)
    {
        var count = 0;
        while (tryRead(out _))
        {
            count++;
        }

        return count;
    }

    private delegate void FeedBytes(ReadOnlySpan<byte> bytes);

    private delegate bool TryReadResult<T>(out T result);
}
