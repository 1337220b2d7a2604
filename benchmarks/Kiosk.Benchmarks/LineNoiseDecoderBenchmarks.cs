using BenchmarkDotNet.Attributes;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Readers.Feig;
using Kiosk.Protocols.Readers.ThreeM;
using Kiosk.Protocols.Sip2;

namespace Kiosk.Benchmarks;

/// <summary>
/// Each frame decoder fed 16 KiB of random bytes (line noise, a reader booting at the wrong baud rate) in 64-byte reads,
/// with every result read. Reported per byte (<c>OperationsPerInvoke</c>): the goal is FEIG within 3 × 3M.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LineNoiseDecoderBenchmarks
{
    private const int NoiseLength = 16 * 1024;
    private const int ReadSize = 64;
    private byte[] _noise = [];

    [GlobalSetup]
    public void Setup()
    {
        _noise = new byte[NoiseLength];
        new Random(20261124).NextBytes(_noise);
    }

    [Benchmark(OperationsPerInvoke = NoiseLength)]
    public int FeigRepliesFromNoise()
    {
        var decoder = new FeigFrameDecoder(FrameDirection.ReaderToHost);
        var results = 0;
        for (var start = 0; start < _noise.Length; start += ReadSize)
        {
            decoder.Feed(_noise.AsSpan(start, ReadSize));
            while (decoder.TryRead(out _))
            {
                results++;
            }
        }

        return results;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = NoiseLength)]
    public int ThreeMRepliesFromNoise()
    {
        var decoder = new ThreeMFrameDecoder(FrameDirection.ReaderToHost);
        var results = 0;
        for (var start = 0; start < _noise.Length; start += ReadSize)
        {
            decoder.Feed(_noise.AsSpan(start, ReadSize));
            while (decoder.TryRead(out _))
            {
                results++;
            }
        }

        return results;
    }

    [Benchmark(OperationsPerInvoke = NoiseLength)]
    public int Sip2FramesFromNoise()
    {
        var decoder = new Sip2FrameDecoder();
        var results = 0;
        for (var start = 0; start < _noise.Length; start += ReadSize)
        {
            decoder.Feed(_noise.AsSpan(start, ReadSize));
            while (decoder.TryRead(out _))
            {
                results++;
            }
        }

        return results;
    }
}
