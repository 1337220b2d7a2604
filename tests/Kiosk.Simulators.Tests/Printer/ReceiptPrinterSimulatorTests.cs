using System.Net.Sockets;
using Kiosk.Protocols.Printing.EscPos;
using Kiosk.Simulators.Printer;
using SkiaSharp;

namespace Kiosk.Simulators.Tests.Printer;

/// <summary>The printer simulator from the kiosk's side of a real TCP connection.</summary>
public sealed class ReceiptPrinterSimulatorTests : IDisposable
{
    /// <summary>Bound on waiting for the simulator over loopback; a pass takes milliseconds, a hang fails instead of blocking the run.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly string _output = Directory.CreateTempSubdirectory("kiosk-printer-sim-").FullName;

    /// <summary>Expected bytes per the Epson reference, "DLE EOT n": fixed bits 0x12, plus bit 3 (n=1 offline), bits 2/5 (n=2 cover, paper end), bits 2–3/5–6 (n=4 near end, end).</summary>
    [Theory]
    [InlineData("ready", new byte[] { 0x12, 0x12, 0x12, 0x12 })]
    [InlineData("paper end", new byte[] { 0x1A, 0x32, 0x12, 0x7E })]
    [InlineData("paper near end", new byte[] { 0x12, 0x12, 0x12, 0x1E })]
    [InlineData("cover open", new byte[] { 0x1A, 0x16, 0x12, 0x12 })]
    [InlineData("offline", new byte[] { 0x1A, 0x12, 0x12, 0x12 })]
    public async Task Each_DLE_EOT_request_is_answered_with_the_status_byte_of_the_Epson_reference(string condition, byte[] expected)
    {
        await using var simulator = Start();
        simulator.PaperEnd = condition == "paper end";
        simulator.PaperNearEnd = condition == "paper near end";
        simulator.CoverOpen = condition == "cover open";
        simulator.Offline = condition == "offline";
        using var timeout = new CancellationTokenSource(Timeout);
        using var client = await ConnectAsync(simulator, timeout.Token);
        var stream = client.GetStream();

        var answers = new byte[4];
        for (var n = 1; n <= 4; n++)
        {
            await stream.WriteAsync(new byte[] { 0x10, 0x04, (byte)n }, timeout.Token);
            await stream.ReadExactlyAsync(answers.AsMemory(n - 1, 1), timeout.Token);
        }

        Assert.Equal(expected, answers);
    }

    [Fact]
    public async Task Each_cut_ends_a_receipt_written_as_text_and_png()
    {
        await using var simulator = Start();
        using var timeout = new CancellationTokenSource(Timeout);
        using var client = await ConnectAsync(simulator, timeout.Token);
        var job = new EscPosWriter().Initialize().Text("First"u8).LineFeed().Cut(EscPosCutMode.Partial)
            .Text("Second"u8).LineFeed().Cut(EscPosCutMode.Full).ToArray();

        await client.GetStream().WriteAsync(job, timeout.Token);
        var first = await simulator.WaitForReceiptAsync(timeout.Token);
        var second = await simulator.WaitForReceiptAsync(timeout.Token);

        Assert.Equal(("First\n", "Second\n"), (first.Text, second.Text));
        Assert.Equal("Second\n", await File.ReadAllTextAsync(second.TextPath!, timeout.Token));
        Assert.True(File.Exists(first.ImagePath));
        Assert.Equal(Path.Combine(_output, "receipt-0002.png"), second.ImagePath);
    }

    [Fact]
    public async Task An_unknown_command_is_skipped_and_noted_and_the_text_around_it_kept()
    {
        await using var simulator = Start();
        using var timeout = new CancellationTokenSource(Timeout);
        using var client = await ConnectAsync(simulator, timeout.Token);

        // ESC Z is not an ESC/POS command (it is PDF417 on some Star printers).
        await client.GetStream().WriteAsync(new byte[] { (byte)'A', 0x1B, 0x5A, (byte)'B', 0x0A, 0x1D, 0x56, 0x01 }, timeout.Token);
        var receipt = await simulator.WaitForReceiptAsync(timeout.Token);

        Assert.Equal("AB\n", receipt.Text);
        Assert.Contains("ESC 0x5A", Assert.Single(receipt.Notes), StringComparison.Ordinal);
        Assert.Contains("ESC 0x5A", await File.ReadAllTextAsync(Path.ChangeExtension(receipt.TextPath!, ".log"), timeout.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_raster_image_is_drawn_dot_for_dot_in_black_in_the_png()
    {
        await using var simulator = Start();
        using var timeout = new CancellationTokenSource(Timeout);
        using var client = await ConnectAsync(simulator, timeout.Token);
        var image = new MonochromeBitmap(576, 16);
        for (var y = 0; y < 16; y++)
        {
            image[100, y] = true;
        }

        await client.GetStream().WriteAsync(new EscPosWriter().Raster(image).Cut(EscPosCutMode.Full).ToArray(), timeout.Token);
        var receipt = await simulator.WaitForReceiptAsync(timeout.Token);
        using var png = SKBitmap.Decode(receipt.ImagePath!);

        Assert.Equal(576, png.Width);
        Assert.Equal(SKColors.Black, png.GetPixel(100, 8));
        Assert.Equal(SKColors.White, png.GetPixel(101, 8));
    }

    [Fact]
    public async Task A_job_that_ends_without_a_cut_is_recorded_when_the_connection_closes()
    {
        await using var simulator = Start();
        using var timeout = new CancellationTokenSource(Timeout);
        using (var client = await ConnectAsync(simulator, timeout.Token))
        {
            await client.GetStream().WriteAsync("No cutter\n"u8.ToArray(), timeout.Token);
        }

        var receipt = await simulator.WaitForReceiptAsync(timeout.Token);

        Assert.Equal("No cutter\n", receipt.Text);
        Assert.False(receipt.WasCut);
    }

    [Fact]
    public async Task A_receipt_sent_while_the_paper_is_out_is_marked_as_arriving_while_not_ready()
    {
        await using var simulator = Start();
        simulator.PaperEnd = true;
        using var timeout = new CancellationTokenSource(Timeout);
        using var client = await ConnectAsync(simulator, timeout.Token);

        await client.GetStream().WriteAsync(new EscPosWriter().Text("Lost"u8).LineFeed().Cut(EscPosCutMode.Full).ToArray(), timeout.Token);
        var receipt = await simulator.WaitForReceiptAsync(timeout.Token);

        Assert.True(receipt.ArrivedWhileNotReady);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static async Task<TcpClient> ConnectAsync(ReceiptPrinterSimulator simulator, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", simulator.TcpPort, cancellationToken);
        return client;
    }

    private ReceiptPrinterSimulator Start()
    {
        var simulator = new ReceiptPrinterSimulator(new PrinterSimulatorOptions { TcpPort = 0, OutputDirectory = _output });
        simulator.Start();
        return simulator;
    }
}
