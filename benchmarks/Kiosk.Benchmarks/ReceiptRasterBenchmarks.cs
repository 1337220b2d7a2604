using BenchmarkDotNet.Attributes;
using Kiosk.Devices.Printers.Rendering;
using Kiosk.Protocols.Printing;
using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Benchmarks;

/// <summary>Building a 10-item Vietnamese receipt in raster mode: render to 576 dots, then encode as GS v 0 bands.</summary>
[MemoryDiagnoser]
public class ReceiptRasterBenchmarks
{
    private readonly ReceiptRasterRenderer _renderer = new(ReceiptRasterOptions.Paper80Millimetres);
    private readonly Receipt _receipt = TenItemVietnameseReceipt.Create();
    private MonochromeBitmap _bitmap = null!;

    [GlobalSetup]
    public void Setup() => _bitmap = _renderer.Render(_receipt);

    [Benchmark(Baseline = true)]
    public RasterPlan RenderAndEncode() => RasterBandEncoder.Encode(_renderer.Render(_receipt));

    [Benchmark]
    public MonochromeBitmap RenderOnly() => _renderer.Render(_receipt);

    [Benchmark]
    public RasterPlan EncodeOnly() => RasterBandEncoder.Encode(_bitmap);
}
