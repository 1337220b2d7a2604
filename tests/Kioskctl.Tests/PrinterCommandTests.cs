using Kiosk.Protocols.Printing.EscPos;
using Kiosk.Simulators.Printer;

namespace Kioskctl.Tests;

/// <summary><c>kioskctl printer test</c> in-process against the printer simulator on a real pty and on TCP loopback.</summary>
public sealed class PrinterCommandTests : IDisposable
{
    /// <summary>Bound on waiting for the simulator to cut the page; a pass takes milliseconds.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// 3 s instead of the driver's 500 ms: kioskctl runs synchronously on a pool thread here, and the pty simulator reads
    /// on another, so on two shared cores the first answer can wait for the thread pool to grow (seen at about 1 in 4 runs).
    /// </summary>
    private const string PatientStatusTimeout = "3000";

    private readonly string _output = Directory.CreateTempSubdirectory("kioskctl-printer-").FullName;

    [Fact]
    public async Task Printer_test_over_a_pty_prints_the_pangram_in_TCVN3_and_in_raster_and_the_code_page_chart_and_shows_the_status()
    {
        await using var simulator = Start(tcpPort: null);

        var run = await Task.Run(() => Run("printer", "test", "--port", simulator.PortPath, "--status-timeout", PatientStatusTimeout));
        using var timeout = new CancellationTokenSource(Timeout);
        var page = await simulator.WaitForReceiptAsync(timeout.Token);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Status: ready", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Do bạch kim rất quý nên sẽ dùng để lắp vô xương.\n", page.Text, StringComparison.Ordinal);
        Assert.Contains("DO BẠCH KIM RẤT QUÝ NÊN SẼ DÙNG ĐỂ LẮP VÔ XƯƠNG.\n", page.Text, StringComparison.Ordinal);
        Assert.Contains("Code page 30, bytes 80-FF:\n", page.Text, StringComparison.Ordinal);
        Assert.Contains("Code page 31, bytes 80-FF:\n", page.Text, StringComparison.Ordinal);
        // The pangram drawn in raster (both lines) and the ruler: three images at least, the ruler as wide as the paper.
        var rasters = page.Document.Items.Where(item => item.Name == "GS v 0").ToList();
        Assert.True(rasters.Count >= 3, $"{rasters.Count} raster images");
        Assert.Contains(rasters, item => item.Command is RasterImageCommand { Bitmap.Width: 576 });
        Assert.True(page.WasCut);
        Assert.Empty(page.Document.Problems);
    }

    [Fact]
    public async Task Printer_test_over_TCP_to_a_printer_with_its_cover_open_prints_nothing_and_exits_1()
    {
        await using var simulator = Start(tcpPort: 0);
        simulator.CoverOpen = true;

        var run = await Task.Run(() => Run("printer", "test", "--host", "127.0.0.1", "--tcp-port", simulator.TcpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--status-timeout", PatientStatusTimeout));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cover open", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("has its cover open; close it", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, simulator.Receipts.Count);
    }

    [Fact]
    public void Printer_test_without_a_port_a_host_or_a_profile_exits_2_and_says_what_to_give()
    {
        var run = Run("printer", "test");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give --port PATH or --host HOST", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private ReceiptPrinterSimulator Start(int? tcpPort)
    {
        var simulator = new ReceiptPrinterSimulator(new PrinterSimulatorOptions { TcpPort = tcpPort, OutputDirectory = _output });
        simulator.Start();
        return simulator;
    }

    private static CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = KioskctlApp.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
