using Kiosk.Devices.Barcode;
using Kiosk.Devices.Transports;
using Kiosk.Simulators.Barcode;

namespace Kiosk.Devices.Tests.Barcode;

/// <summary>The driver against the scanner simulator over a real pty, through the real SerialPort class.</summary>
public sealed class BarcodeScannerTests
{
    // Short reconnect waits on the real clock: the unplug test waits for a real reopen, and a test is bounded by TestTimeouts.
    private static readonly SerialSupervisorOptions QuickReconnect = new()
    {
        ReconnectMinDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
    };

    [Theory]
    [InlineData(BarcodeSuffix.CarriageReturn)]
    [InlineData(BarcodeSuffix.LineFeed)]
    [InlineData(BarcodeSuffix.CarriageReturnLineFeed)]
    [InlineData(BarcodeSuffix.Tab)]
    [InlineData(BarcodeSuffix.None)]
    public async Task The_driver_receives_scans_with_each_suffix(BarcodeSuffix suffix)
    {
        await using var simulator = new BarcodeScannerSimulator(new BarcodeScannerSimulatorOptions { Suffix = suffix });
        simulator.Plug();
        await using var scanner = CreateScanner(simulator.PortPath, new BarcodeScannerOptions { Suffix = suffix, Reconnect = QuickReconnect });
        using var timeout = TestTimeouts.Start();
        await scanner.StartAsync(timeout.Token);
        await NextAsync<BarcodeScannerConnected>(scanner, timeout.Token);

        await simulator.ScanAsync("3000000001", timeout.Token);
        Assert.Equal("3000000001", (await NextAsync<BarcodeScanned>(scanner, timeout.Token)).Code);
        await simulator.ScanAsync("TV0002", timeout.Token);
        Assert.Equal("TV0002", (await NextAsync<BarcodeScanned>(scanner, timeout.Token)).Code);
    }

    [Fact]
    public async Task Garbage_and_over_long_lines_are_reported_and_the_next_scan_still_arrives()
    {
        await using var simulator = new BarcodeScannerSimulator(new BarcodeScannerSimulatorOptions());
        simulator.Plug();
        await using var scanner = CreateScanner(simulator.PortPath, new BarcodeScannerOptions { MaximumLength = 32, Reconnect = QuickReconnect });
        using var timeout = TestTimeouts.Start();
        await scanner.StartAsync(timeout.Token);
        await NextAsync<BarcodeScannerConnected>(scanner, timeout.Token);

        await simulator.SendRawAsync(new byte[] { 0x00, 0xFF, 0x11, 0x13, 0x80, 0x0D }, timeout.Token);
        Assert.Equal(BarcodeRejectionReason.NotPrintable, (await NextAsync<BarcodeRejected>(scanner, timeout.Token)).Reason);

        await simulator.ScanAsync(new string('9', 2000), timeout.Token);
        Assert.Equal(BarcodeRejectionReason.TooLong, (await NextAsync<BarcodeRejected>(scanner, timeout.Token)).Reason);

        await simulator.ScanAsync("TV0001", timeout.Token);
        Assert.Equal("TV0001", (await NextAsync<BarcodeScanned>(scanner, timeout.Token)).Code);
    }

    [Fact]
    public async Task Unplugging_reports_the_loss_with_a_reason_and_scans_arrive_again_after_replug()
    {
        var link = Path.Combine(Path.GetTempPath(), "kiosk-scanner-test-" + Guid.NewGuid().ToString("N"));
        await using var simulator = new BarcodeScannerSimulator(new BarcodeScannerSimulatorOptions { LinkPath = link });
        simulator.Plug();
        await using var scanner = CreateScanner(link, new BarcodeScannerOptions { Reconnect = QuickReconnect });
        using var timeout = TestTimeouts.Start();
        await scanner.StartAsync(timeout.Token);
        await NextAsync<BarcodeScannerConnected>(scanner, timeout.Token);
        await simulator.ScanAsync("BEFORE01", timeout.Token);
        Assert.Equal("BEFORE01", (await NextAsync<BarcodeScanned>(scanner, timeout.Token)).Code);

        simulator.Unplug();

        var lost = await NextAsync<BarcodeScannerDisconnected>(scanner, timeout.Token);
        Assert.Equal(link, lost.PortName);
        Assert.Contains("vanished", lost.Reason, StringComparison.Ordinal);
        Assert.Equal(SerialLinkState.Disconnected, scanner.LinkState);

        simulator.Plug();

        await NextAsync<BarcodeScannerConnected>(scanner, timeout.Token);
        await simulator.ScanAsync("AFTER002", timeout.Token);
        Assert.Equal("AFTER002", (await NextAsync<BarcodeScanned>(scanner, timeout.Token)).Code);
    }

    [Fact]
    public void Settings_that_contradict_each_other_are_refused_naming_the_keys()
    {
        var transport = new StreamSerialTransport("test port", _ => ValueTask.FromResult<Stream>(new MemoryStream()));
        var options = new BarcodeScannerOptions { MinimumLength = 20, MaximumLength = 10, Prefix = "\r" };

        var error = Assert.Throws<ArgumentException>(() => new BarcodeScanner(transport, options, TimeProvider.System));

        Assert.Contains("MinimumLength (20) is greater than MaximumLength (10)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Prefix contains the suffix character", error.Message, StringComparison.Ordinal);
    }

    private static BarcodeScanner CreateScanner(string portName, BarcodeScannerOptions options) =>
        new(new SerialPortTransport(new SerialTransportOptions { PortName = portName, BaudRate = 9600 }), options, TimeProvider.System);

    /// <summary>Skips other events (a disconnect repeated while the port is missing) up to the next one of the wanted kind.</summary>
    private static async Task<T> NextAsync<T>(BarcodeScanner scanner, CancellationToken cancellationToken)
        where T : BarcodeScannerEvent
    {
        while (true)
        {
            var item = await scanner.Events.ReadAsync(cancellationToken);
            if (item is T wanted)
            {
                return wanted;
            }

            // A scan or rejection that is not what the test waits for is a failure, not noise.
            Assert.False(item is BarcodeScanned or BarcodeRejected, $"Unexpected {item} while waiting for {typeof(T).Name}.");
        }
    }
}
