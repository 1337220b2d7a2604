using BenchmarkDotNet.Attributes;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.Feig.Messages;

namespace Kiosk.Benchmarks;

/// <summary>
/// Encode and decode of the two FEIG replies a kiosk handles on every poll: an inventory reply listing 10 tags (a
/// stack of books on the pad) and a Read Multiple Blocks reply of 8 blocks of 4 bytes (one tag's library data).
/// </summary>
[MemoryDiagnoser]
public class FeigCodecBenchmarks
{
    private readonly FeigFrameDecoder _inventoryDecoder = new(FrameDirection.ReaderToHost) { PendingRequest = new FeigInventoryRequest() };
    private readonly FeigFrameDecoder _blocksDecoder = new(FrameDirection.ReaderToHost)
    {
        PendingRequest = new FeigReadMultipleBlocksRequest { Uid = new TransponderUid(0xE004010031269117), BlockCount = 8 },
    };

    private FeigInventoryResponse _inventory = null!;
    private FeigReadMultipleBlocksResponse _blocks = null!;
    private byte[] _inventoryFrame = [];
    private byte[] _blocksFrame = [];

    [GlobalSetup]
    public void Setup()
    {
        _inventory = new FeigInventoryResponse
        {
            Transponders = [.. Enumerable.Range(0, 10).Select(i => new FeigInventoryEntry(new TransponderUid(0xE004010031269100UL + (ulong)i)))],
        };
        _blocks = new FeigReadMultipleBlocksResponse
        {
            Blocks = [.. Enumerable.Range(0, 8).Select(i => new FeigBlock(0, new byte[] { (byte)i, 0x11, 0x00, 0x01 }))],
        };
        _inventoryFrame = FeigEncoder.Encode(_inventory);
        _blocksFrame = FeigEncoder.Encode(_blocks);
    }

    [Benchmark]
    public byte[] EncodeInventoryResponseWith10Tags() => FeigEncoder.Encode(_inventory);

    [Benchmark]
    public FeigDecodeResult DecodeInventoryResponseWith10Tags() => Decode(_inventoryDecoder, _inventoryFrame);

    [Benchmark]
    public byte[] EncodeReadMultipleBlocksResponse() => FeigEncoder.Encode(_blocks);

    [Benchmark]
    public FeigDecodeResult DecodeReadMultipleBlocksResponse() => Decode(_blocksDecoder, _blocksFrame);

    private static FeigDecodeResult Decode(FeigFrameDecoder decoder, byte[] frame)
    {
        decoder.Feed(frame);
        decoder.TryRead(out var result);
        return result;
    }
}
