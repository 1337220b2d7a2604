using Kiosk.Protocols.Printing.EscPos;
using Kiosk.Devices.Printers;
using Kiosk.Devices.Transports;
using Kiosk.Simulators.Printer;
using Kiosk.Simulators.Pty;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Devices.Tests.Printers;

/// <summary>The driver against the printer simulator over a real pty and TCP loopback.</summary>
public sealed class EscPosReceiptPrinterTests : IDisposable
{
    /// <summary>
    /// 3 s per status answer instead of 500 ms: the pty simulator's reads each hold a pool thread, so on two cores
    /// shared with other test runs the first answer can wait for JIT and for the thread pool to grow (seen over 500 ms). The timeout path itself is tested with a silent pty.
    /// </summary>
    private static readonly ReceiptPrinterOptions Patient = new() { StatusReplyTimeout = TimeSpan.FromSeconds(3) };

    private readonly string _output = Directory.CreateTempSubdirectory("kiosk-printer-test-").FullName;

    [Fact]
    public async Task A_Vietnamese_receipt_in_TCVN3_text_mode_printed_over_a_pty_arrives_with_the_same_text_and_a_png()
    {
        await using var simulator = Start(tcp: false);
        await using var printer = new EscPosReceiptPrinter(SerialTo(simulator.PortPath), Patient);
        var receipt = PrinterTestReceipts.Vietnamese();
        using var timeout = TestTimeouts.Start();

        var result = await printer.PrintAsync(PrinterTestReceipts.TextModeJob(receipt), timeout.Token);
        var printed = await simulator.WaitForReceiptAsync(timeout.Token);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(PrinterTestReceipts.ExpectedText(receipt), printed.Text);
        Assert.Empty(printed.Notes);
        Assert.True(printed.WasCut);
        Assert.True(new FileInfo(printed.ImagePath!).Length > 0);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(printed.ImagePath!)[..4]);
    }

    [Fact]
    public async Task A_Vietnamese_receipt_in_raster_mode_printed_over_a_pty_arrives_as_raster_of_the_rendered_size_and_a_png()
    {
        await using var simulator = Start(tcp: false);
        await using var printer = new EscPosReceiptPrinter(SerialTo(simulator.PortPath), Patient);
        var receipt = PrinterTestReceipts.Vietnamese();
        var profile = new PrinterProfile { Name = "epson-80", Mode = PrinterMode.Raster, DotsPerLine = 576, CharactersPerLine = 48 };
        var expectedHeight = new Kiosk.Devices.Printers.Rendering.ReceiptRasterRenderer().Render(receipt).Height;
        using var timeout = TestTimeouts.Start();

        var result = await printer.PrintAsync(new ReceiptJobBuilder(profile).Build(receipt), timeout.Token);
        var printed = await simulator.WaitForReceiptAsync(timeout.Token);

        Assert.True(result.Succeeded, result.Message);
        var commands = printed.Document.Items.Select(item => item.Command).ToList();
        var rasterHeight = commands.OfType<RasterImageCommand>().Sum(raster => raster.Bitmap.Height) + commands.OfType<FeedDotsCommand>().Sum(feed => feed.Dots);
        Assert.Equal(expectedHeight, rasterHeight);
        Assert.True(printed.WasCut);
        Assert.Empty(printed.Notes);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(printed.ImagePath!)[..4]);
    }

    [Fact]
    public async Task A_Vietnamese_receipt_in_raster_glyph_mode_printed_over_a_pty_reads_back_as_the_same_text_and_draws_its_glyphs_in_the_png()
    {
        await using var simulator = Start(tcp: false);
        await using var printer = new EscPosReceiptPrinter(SerialTo(simulator.PortPath), Patient);
        var receipt = PrinterTestReceipts.Vietnamese();
        var profile = new PrinterProfile { Name = "epson-80", Mode = PrinterMode.RasterGlyphs, DotsPerLine = 576, CharactersPerLine = 48 };
        using var timeout = TestTimeouts.Start();

        var result = await printer.PrintAsync(new ReceiptJobBuilder(profile).Build(receipt), timeout.Token);
        var printed = await simulator.WaitForReceiptAsync(timeout.Token);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(PrinterTestReceipts.ExpectedText(receipt), printed.Text);
        Assert.Empty(printed.Notes);
        Assert.True(printed.WasCut);
        Assert.Contains(printed.Document.Items, item => item.Command is DefineUserCharactersCommand);
        Assert.DoesNotContain(printed.Document.Items, item => item.Command is RasterImageCommand);

        // The glyphs are drawn, not grey boxes: the image has black dots and no grey.
        using var png = SkiaSharp.SKBitmap.Decode(printed.ImagePath!);
        var colours = png.Pixels.Distinct().ToHashSet();
        Assert.Contains(SkiaSharp.SKColors.Black, colours);
        Assert.Equal(2, colours.Count);
    }

    [Fact]
    public async Task A_Vietnamese_receipt_in_TCVN3_text_mode_printed_over_TCP_arrives_with_the_same_text_and_a_png()
    {
        await using var simulator = Start(tcp: true);
        await using var printer = new EscPosReceiptPrinter(new TcpPrinterTransport("127.0.0.1", simulator.TcpPort), Patient);
        var receipt = PrinterTestReceipts.Vietnamese();
        using var timeout = TestTimeouts.Start();

        var result = await printer.PrintAsync(PrinterTestReceipts.TextModeJob(receipt), timeout.Token);
        var printed = await simulator.WaitForReceiptAsync(timeout.Token);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(PrinterTestReceipts.ExpectedText(receipt), printed.Text);
        Assert.True(File.Exists(printed.ImagePath));
    }

    [Theory]
    [InlineData("paper end", false)]
    [InlineData("paper near end", false)]
    [InlineData("cover open", false)]
    [InlineData("offline", false)]
    [InlineData("paper end", true)]
    [InlineData("cover open", true)]
    public async Task Each_status_the_simulator_answers_is_reported_by_the_driver(string condition, bool tcp)
    {
        await using var simulator = Start(tcp);
        simulator.PaperEnd = condition == "paper end";
        simulator.PaperNearEnd = condition == "paper near end";
        simulator.CoverOpen = condition == "cover open";
        simulator.Offline = condition == "offline";
        await using var printer = new EscPosReceiptPrinter(tcp ? new TcpPrinterTransport("127.0.0.1", simulator.TcpPort) : SerialTo(simulator.PortPath), Patient);
        using var timeout = TestTimeouts.Start();

        var status = await printer.GetStatusAsync(timeout.Token);

        Assert.True(status.IsKnown, status.Detail);
        Assert.Equal(condition == "paper end", status.PaperEnd);
        Assert.Equal(condition is "paper end" or "paper near end", status.PaperNearEnd);
        Assert.Equal(condition == "cover open", status.CoverOpen);
        Assert.Equal(condition != "paper near end", status.Offline);
        Assert.Equal(condition == "paper near end", status.CanPrint);
    }

    [Fact]
    public async Task A_printer_out_of_paper_refuses_the_job_promptly_with_a_result_that_says_it_can_be_printed_later()
    {
        await using var simulator = Start(tcp: false);
        simulator.PaperEnd = true;
        // The printer's clock never moves, so no timeout of its own can end the job: an answer at all means it was refused
        // on the status answers, not after waiting out the write timeout.
        var stopped = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var printer = new EscPosReceiptPrinter(SerialTo(simulator.PortPath), Patient, stopped);
        using var timeout = TestTimeouts.Start();

        var result = await printer.PrintAsync(PrinterTestReceipts.TextModeJob(PrinterTestReceipts.Vietnamese()), timeout.Token);

        Assert.Equal(PrintResultCode.PaperEnd, result.Code);
        Assert.True(result.CanBePrintedLater);
        Assert.Contains("out of paper", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, simulator.Receipts.Count);
    }

    [Fact]
    public async Task A_printer_that_never_answers_is_reported_as_not_responding_within_the_status_timeout()
    {
        using var silent = PseudoTerminal.Open();
        var options = new ReceiptPrinterOptions { StatusReplyTimeout = TimeSpan.FromMilliseconds(200) };
        await using var printer = new EscPosReceiptPrinter(SerialTo(silent.PortPath), options);
        using var timeout = TestTimeouts.Start();

        var result = await printer.PrintAsync(new byte[] { 0x1B, 0x40 }, timeout.Token);

        Assert.Equal(PrintResultCode.Unreachable, result.Code);
        Assert.True(result.Status.IsNotResponding);
        Assert.Contains("did not answer DLE EOT 1 within 200 ms", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paper_out_is_published_on_the_status_channel_once_and_the_refill_after_it()
    {
        await using var simulator = Start(tcp: true);
        await using var printer = new EscPosReceiptPrinter(new TcpPrinterTransport("127.0.0.1", simulator.TcpPort), new ReceiptPrinterOptions { StatusPollInterval = TimeSpan.FromMilliseconds(50), StatusReplyTimeout = Patient.StatusReplyTimeout });
        using var timeout = TestTimeouts.Start();
        using var monitorStop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var monitor = printer.MonitorAsync(monitorStop.Token);

        var first = await printer.StatusChanges.ReadAsync(timeout.Token);
        simulator.PaperEnd = true;
        var out_ = await printer.StatusChanges.ReadAsync(timeout.Token);
        simulator.PaperEnd = false;
        var refilled = await printer.StatusChanges.ReadAsync(timeout.Token);
        await monitorStop.CancelAsync();
        await monitor;

        Assert.True(first.CanPrint);
        Assert.True(out_.PaperEnd);
        Assert.True(refilled.CanPrint);
    }

    [Fact]
    public async Task A_device_file_printer_gets_the_job_bytes_and_says_its_status_is_unavailable()
    {
        var device = Path.Combine(_output, "lp0");
        await File.WriteAllBytesAsync(device, []);
        await using var printer = new EscPosReceiptPrinter(new DeviceFilePrinterTransport(device));
        var job = PrinterTestReceipts.TextModeJob(PrinterTestReceipts.Vietnamese());
        using var timeout = TestTimeouts.Start();

        var result = await printer.PrintAsync(job, timeout.Token);
        var status = await printer.GetStatusAsync(timeout.Token);
        await printer.DisposeAsync();

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(job, await File.ReadAllBytesAsync(device));
        Assert.False(status.IsKnown);
        Assert.False(status.IsNotResponding);
        Assert.Contains("no real-time status", status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_out_of_range_are_refused_when_the_driver_is_made()
    {
        var options = new ReceiptPrinterOptions { StatusReplyTimeout = TimeSpan.FromMinutes(1) };

        var exception = Assert.Throws<ArgumentException>(() => new EscPosReceiptPrinter(new DeviceFilePrinterTransport("/dev/usb/lp0"), options));

        Assert.Contains("StatusReplyTimeout", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static SerialPrinterTransport SerialTo(string path) =>
        new(new SerialPortTransport(new SerialTransportOptions { PortName = path, BaudRate = 115200 }));

    private ReceiptPrinterSimulator Start(bool tcp)
    {
        var simulator = new ReceiptPrinterSimulator(new PrinterSimulatorOptions { TcpPort = tcp ? 0 : null, OutputDirectory = _output });
        simulator.Start();
        return simulator;
    }
}
