using System.Net.Sockets;
using Kiosk.Protocols.Printing.EscPos;
using Kiosk.Simulators.Printer;
using SkiaSharp;
using ZXing;

namespace Kiosk.Simulators.Tests.Printer;

/// <summary>
/// What the simulated printer draws: barcodes and QR codes read back from its PNG by ZXing.Net, images dot for dot,
/// underline, and the golden jobs of receiptline and esc-pos-encoder (tests/Kiosk.Protocols.Tests/Vectors).
/// </summary>
public sealed class ReceiptPrinterSimulatorDrawingTests : IDisposable
{
    /// <summary>Bound on waiting for the simulator over loopback; a pass takes milliseconds, a hang fails instead of blocking the run.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static readonly BarcodeFormat[] Formats = [BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128, BarcodeFormat.EAN_13, BarcodeFormat.CODE_39];

    private readonly string _output = Directory.CreateTempSubdirectory("kiosk-printer-draw-").FullName;

    [Fact]
    public async Task A_QR_code_and_a_CODE128_barcode_in_code_set_C_read_back_from_the_png()
    {
        var job = new EscPosWriter().Initialize().Text("Loan"u8).LineFeed().Align(EscPosAlignment.Center)
            .QrCode("https://lib.example/loan/7"u8, 5, QrCodeErrorCorrection.Medium).LineFeed()
            .Write(new BarcodeModuleWidthCommand(2)).Write(new BarcodeHeightCommand(80)).Write(new BarcodeHriPositionCommand(EscPosHriPosition.Below))
            .Write(new BarcodeCommand(EscPosBarcodeSymbology.Code128, [0x7B, 0x43, 12, 34, 56, 78, 0x7B, 0x42, (byte)'X'])).LineFeed()
            .Cut(EscPosCutMode.Partial).ToArray();

        var receipt = await PrintAsync(job);

        Assert.Equal(
            [(BarcodeFormat.QR_CODE, "https://lib.example/loan/7"), (BarcodeFormat.CODE_128, "12345678X")],
            PngSymbolReader.ReadAll(receipt.ImagePath!, Formats));
    }

    [Fact]
    public async Task EAN13_and_CODE39_barcodes_read_back_from_the_png_with_the_EAN13_check_digit_added()
    {
        byte[] job =
        [
            0x1D, 0x77, 2, 0x1D, 0x68, 60, 0x1D, 0x6B, 2, .. "400638133393"u8, 0x00, 0x0A,
            0x1D, 0x6B, 69, 8, .. "KIOSK-42"u8, 0x0A, 0x1D, 0x56, 0x00,
        ];

        var receipt = await PrintAsync(job);

        Assert.Equal([(BarcodeFormat.EAN_13, "4006381333931"), (BarcodeFormat.CODE_39, "KIOSK-42")], PngSymbolReader.ReadAll(receipt.ImagePath!, Formats));
    }

    [Fact]
    public async Task A_second_cut_with_nothing_printed_cuts_blank_paper_and_makes_no_receipt()
    {
        await using var simulator = Start();
        using var timeout = new CancellationTokenSource(Timeout);
        using var client = await ConnectAsync(simulator, timeout.Token);
        var job = new EscPosWriter().Text("First"u8).LineFeed().Cut(EscPosCutMode.Full).FeedLines(3).Cut(EscPosCutMode.Full)
            .Text("Second"u8).LineFeed().Cut(EscPosCutMode.Full).ToArray();

        await client.GetStream().WriteAsync(job, timeout.Token);
        var first = await simulator.WaitForReceiptAsync(timeout.Token);
        var second = await simulator.WaitForReceiptAsync(timeout.Token);

        Assert.Equal((1, "First\n"), (first.Number, first.Text));
        Assert.Equal((2, "Second\n"), (second.Number, second.Text));
        Assert.Equal(1, simulator.BlankCuts);
    }

    [Fact]
    public async Task Underline_is_drawn_under_each_character_two_dots_thick()
    {
        var receipt = await PrintAsync([0x1B, 0x2D, 2, (byte)'A', (byte)'B', 0x1B, 0x2D, 0, (byte)'C', 0x0A, 0x1D, 0x56, 0x00]);
        using var png = SKBitmap.Decode(receipt.ImagePath!);

        // Font A cells are 12 × 24: rows 22 and 23 of the first line carry the underline under "AB" only.
        Assert.All([0, 11, 12, 23], x => Assert.Equal(SKColors.Black, png.GetPixel(x, 23)));
        Assert.Equal(SKColors.Black, png.GetPixel(5, 22));
        Assert.NotEqual(SKColors.Black, png.GetPixel(5, 21));
        Assert.NotEqual(SKColors.Black, png.GetPixel(30, 23));
    }

    [Fact]
    public async Task Stored_graphics_print_once_at_their_magnification()
    {
        var image = new MonochromeBitmap(8, 2, [0x80, 0x01]);
        var job = new EscPosWriter().Write(new StoreGraphicsCommand(image, 2, 2)).Write(new PrintGraphicsCommand())
            .Write(new PrintGraphicsCommand()).Text("x"u8).LineFeed().Cut(EscPosCutMode.Full).ToArray();

        var receipt = await PrintAsync(job);
        using var png = SKBitmap.Decode(receipt.ImagePath!);

        // Dot (0, 0) is 2 × 2 printed dots; dot (7, 1) is at (14–15, 2–3); the second print has nothing left to print.
        Assert.Equal([SKColors.Black, SKColors.Black, SKColors.Black, SKColors.White], new[] { png.GetPixel(1, 1), png.GetPixel(15, 3), png.GetPixel(14, 2), png.GetPixel(2, 0) });
        Assert.Equal(4 + 24, png.Height);
    }

    [Theory]
    [InlineData("esc-pos-encoder/image-column.bin")]
    [InlineData("esc-pos-encoder/image-raster.bin")]
    public async Task The_esc_pos_encoder_checkerboard_prints_dot_for_dot_as_ESC_star_columns_and_as_GS_v_0(string vector)
    {
        var receipt = await PrintAsync(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Vectors", vector)));
        using var png = SKBitmap.Decode(receipt.ImagePath!);
        var top = FirstInkedRow(png);

        // 48 × 48 dots of 8-dot squares, the top-left one black. As ESC * stripes under esc-pos-encoder's ESC 3 0x24
        // (36 dots) the second 24-dot stripe starts 12 blank rows below the first, as a real printer would print it.
        var gap = vector.Contains("column", StringComparison.Ordinal) ? 12 : 0;
        for (var y = 0; y < 48; y++)
        {
            var row = top + y + (y >= 24 ? gap : 0);
            for (var x = 0; x < 48; x++)
            {
                var black = ((x / 8) + (y / 8)) % 2 == 0;
                Assert.True(black == (png.GetPixel(x, row) == SKColors.Black), $"dot ({x}, {y}) of {vector}");
            }
        }

        Assert.All(Enumerable.Range(top + 24, gap), row => Assert.NotEqual(SKColors.Black, png.GetPixel(0, row)));
    }

    [Fact]
    public async Task The_receiptline_receipt_prints_its_QR_code_graphics_and_CODE128_readably()
    {
        var receipt = await PrintAsync(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Vectors", "receiptline", "receipt-cp858.bin")));

        Assert.Equal(
            [(BarcodeFormat.CODE_128, "1234567890"), (BarcodeFormat.QR_CODE, "https://lib.example/r/42")],
            PngSymbolReader.ReadAll(receipt.ImagePath!, Formats));
    }

    [Fact]
    public async Task The_esc_pos_encoder_receipt_prints_every_code_readably_and_its_double_cut_makes_one_receipt()
    {
        var simulator = Start();
        using var timeout = new CancellationTokenSource(Timeout);
        using (var client = await ConnectAsync(simulator, timeout.Token))
        {
            await client.GetStream().WriteAsync(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Vectors", "esc-pos-encoder", "receipt-cp858.bin"), timeout.Token), timeout.Token);
        }

        var receipt = await simulator.WaitForReceiptAsync(timeout.Token);

        // Disposing waits for the session to end, so everything the job did has happened.
        await simulator.DisposeAsync();

        Assert.Equal(
            [(BarcodeFormat.CODE_128, "12345678"), (BarcodeFormat.CODE_128, "12345678"), (BarcodeFormat.EAN_13, "4006381333931"), (BarcodeFormat.CODE_39, "KIOSK-42"), (BarcodeFormat.QR_CODE, "https://lib.example/loan/7")],
            PngSymbolReader.ReadAll(receipt.ImagePath!, Formats));

        // The second cut and the feed after it printed nothing.
        Assert.Equal(1, simulator.BlankCuts);
        Assert.False(simulator.Receipts.TryRead(out _));
    }

    [Fact]
    public void Any_barcode_data_the_decoder_passes_is_drawn_or_noted_never_thrown()
    {
        // Every GS k system with data drawn from digits, capitals, CODE39/CODABAR punctuation and lower case, of lengths
        // around each symbology's limits; a fixed seed keeps a failure reproducible.
        var random = new Random(20261208);
        const string alphabet = "0123456789ABCDabcd-$:/.+* {";
        byte[] systems = [0, 1, 2, 3, 4, 5, 6, 65, 66, 67, 68, 69, 70, 71, 72, 73];
        for (var run = 0; run < 2000; run++)
        {
            var system = systems[random.Next(systems.Length)];
            var data = Enumerable.Range(0, random.Next(1, 40)).Select(_ => (byte)alphabet[random.Next(alphabet.Length)]).ToArray();
            byte[] job = system <= 6 ? [0x1D, 0x6B, system, .. data, 0x00] : [0x1D, 0x6B, system, (byte)data.Length, .. data];

            var (png, _) = ReceiptImageRenderer.Render(EscPosDecoder.DecodeAll(job), 576);

            Assert.NotEmpty(png);
        }
    }

    [Fact]
    public void A_job_longer_than_the_png_limit_is_cut_short_in_the_png_and_noted()
    {
        // GS 8 L function 112: an 8-dot-wide image 100 rows taller than the limit, each row one byte.
        var tall = new MonochromeBitmap(8, ReceiptImageRenderer.MaxHeight + 100);
        var job = new EscPosWriter().Write(new StoreGraphicsCommand(tall)).Write(new PrintGraphicsCommand()).ToArray();

        var (png, notes) = ReceiptImageRenderer.Render(EscPosDecoder.DecodeAll(job), 576);
        using var image = SKBitmap.Decode(png);

        Assert.Equal(ReceiptImageRenderer.MaxHeight, image.Height);
        Assert.Contains(notes, note => note.Contains("dots long", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static int FirstInkedRow(SKBitmap png) =>
        Enumerable.Range(0, png.Height).First(y => Enumerable.Range(0, png.Width).Any(x => png.GetPixel(x, y) == SKColors.Black));

    private static async Task<TcpClient> ConnectAsync(ReceiptPrinterSimulator simulator, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", simulator.TcpPort, cancellationToken);
        return client;
    }

    private async Task<SimulatedReceipt> PrintAsync(byte[] job)
    {
        await using var simulator = Start();
        using var timeout = new CancellationTokenSource(Timeout);
        using var client = await ConnectAsync(simulator, timeout.Token);
        await client.GetStream().WriteAsync(job, timeout.Token);
        return await simulator.WaitForReceiptAsync(timeout.Token);
    }

    private ReceiptPrinterSimulator Start()
    {
        var simulator = new ReceiptPrinterSimulator(new PrinterSimulatorOptions { TcpPort = 0, OutputDirectory = _output });
        simulator.Start();
        return simulator;
    }
}
