using Kiosk.Events.Commands;
using Kiosk.Events.Options;
using Kiosk.Protocols.Printing.EscPos;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.Feig.Messages;
using Kiosk.Protocols.Readers.ThreeM;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Tags;
using SharpFuzz;

namespace Kiosk.Fuzz;

/// <summary>
/// One libFuzzer target per decoder. Each takes any bytes: an exception out of a decoder, or a broken bound, is a
/// finding. Where reads matter, the first byte chooses the read size, so the fuzzer explores how frames are split.
/// </summary>
internal static class FuzzTargets
{
    // Built on first use, inside Fuzzer.LibFuzzer.Run: instrumented code that runs before it writes coverage to shared
    // memory that is not mapped yet, and the process dies (SharpFuzz docs/libFuzzer.md).
    private static readonly Lazy<FeigRequest?[]> PendingFeigRequests = new(() =>
    [
        null,
        new FeigInventoryRequest(),
        new FeigReadMultipleBlocksRequest { Uid = new TransponderUid(0xE004010031269117), BlockCount = 8 },
        new FeigGetSystemInformationRequest { Uid = new TransponderUid(0xE004010031269117) },
        new FeigWriteMultipleBlocksRequest { Uid = new TransponderUid(0xE004010031269117), Data = new byte[8] },
    ]);

    private static readonly Lazy<CommandAuthorizer> Authorizer = new(() =>
        new(new CommandOptions { Secret = "fuzzing-secret-0123456789abcdef-0123" }, "kiosk-01", TimeProvider.System));

    public static IReadOnlyDictionary<string, ReadOnlySpanAction> All { get; } =
        new Dictionary<string, ReadOnlySpanAction>(StringComparer.Ordinal)
        {
            ["feig-replies"] = input => Feig(input, FrameDirection.ReaderToHost),
            ["feig-requests"] = input => Feig(input, FrameDirection.HostToReader),
            ["3m-replies"] = input => ThreeM(input, FrameDirection.ReaderToHost),
            ["3m-requests"] = input => ThreeM(input, FrameDirection.HostToReader),
            ["sip2"] = Sip2,
            ["escpos"] = EscPos,
            ["tags"] = Tags,
            ["command-authorizer"] = input => Authorizer.Value.Decide("ping", input.ToArray()),
        };

    private static void Feig(ReadOnlySpan<byte> input, FrameDirection direction)
    {
        if (input.IsEmpty)
        {
            return;
        }

        var pending = PendingFeigRequests.Value;
        var decoder = new FeigFrameDecoder(direction, maxFrameLength: 512) { PendingRequest = pending[input[0] % pending.Length] };
        foreach (var read in Reads(input))
        {
            decoder.Feed(read);
            while (decoder.TryRead(out _))
            {
            }

            Check(decoder.Pending <= decoder.MaxFrameLength, "the FEIG decoder holds more than its bound");
        }

        decoder.FlushIncomplete();
        while (decoder.TryRead(out _))
        {
        }

        Check(decoder.Pending == 0, "the FEIG decoder holds bytes after a flush");
    }

    private static void ThreeM(ReadOnlySpan<byte> input, FrameDirection direction)
    {
        var decoder = new ThreeMFrameDecoder(direction, maxFrameLength: 512);
        foreach (var read in Reads(input))
        {
            decoder.Feed(read);
            while (decoder.TryRead(out _))
            {
            }

            Check(decoder.Pending <= decoder.MaxFrameLength, "the 3M decoder holds more than its bound");
        }

        decoder.FlushIncomplete();
        while (decoder.TryRead(out _))
        {
        }

        Check(decoder.Pending == 0, "the 3M decoder holds bytes after a flush");
    }

    private static void Sip2(ReadOnlySpan<byte> input)
    {
        var decoder = new Sip2FrameDecoder();
        foreach (var read in Reads(input))
        {
            decoder.Feed(read);
            while (decoder.TryRead(out _))
            {
            }

            Check(decoder.Pending <= decoder.Options.MaxFrameLength, "the SIP2 decoder holds more than its bound");
        }

        // The message parser on its own, over the whole input as one frame.
        _ = Sip2MessageParser.Parse(input);
    }

    private static void EscPos(ReadOnlySpan<byte> input)
    {
        var decoder = new EscPosDecoder(new EscPosDecoderOptions { MaxImageBytes = 4096, MaxPendingItems = 64 });
        foreach (var read in Reads(input))
        {
            decoder.Feed(read);
            Check(decoder.PendingItems <= 64, "the ESC/POS decoder holds more items than its cap");
        }

        decoder.Complete();
        Check(decoder.Pending == 0, "the ESC/POS decoder holds bytes after Complete");
        var document = EscPosDecoder.DecodeAll(input);
        Check(document.Items.Sum(item => (long)item.Bytes.Length) == input.Length, "DecodeAll's items do not add up to the input");
    }

    private static void Tags(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        int[] blockSizes = [1, 4, 8, 32];
        var memory = new TagMemory(input[1..].ToArray(), blockSizes[input[0] % blockSizes.Length], Dsfid: (byte)(input[0] >> 2));
        _ = LibraryTagCodec.Decode(memory);
        foreach (var model in (LibraryTagModel[])[LibraryTagModel.Iso28560Part2, LibraryTagModel.Iso28560Part3, LibraryTagModel.ThreeM])
        {
            _ = LibraryTagCodec.Decode(memory, model);
        }
    }

    /// <summary>The input after its first byte, in reads of 1 + (first byte mod 64) bytes.</summary>
    private static List<byte[]> Reads(ReadOnlySpan<byte> input)
    {
        var reads = new List<byte[]>();
        if (input.IsEmpty)
        {
            return reads;
        }

        var size = 1 + (input[0] % 64);
        for (var start = 1; start < input.Length; start += size)
        {
            reads.Add(input.Slice(start, Math.Min(size, input.Length - start)).ToArray());
        }

        return reads;
    }

    private static void Check(bool holds, string broken)
    {
        if (!holds)
        {
            throw new InvariantViolatedException(broken);
        }
    }
}
