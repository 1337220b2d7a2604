using Kiosk.Devices.Barcode;
using Kiosk.Simulators.Barcode;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Simulators.Tests.Barcode;

public sealed class BarcodeScannerSimulatorTests
{
    // Bound on waiting for bytes over a pty; a pass takes milliseconds.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void Wire_time_is_bytes_times_bits_per_character_over_baud()
    {
        var simulator = new BarcodeScannerSimulator(new BarcodeScannerSimulatorOptions { BaudRate = 9600, BitsPerCharacter = 10 });

        // 11 bytes ("3000000001" + CR) × 10 bits ÷ 9600 bit/s = 11.458 ms.
        Assert.Equal(TimeSpan.FromTicks(114_583), simulator.WireTime(11));
    }

    [Fact]
    public async Task A_scan_is_delivered_with_its_suffix_only_after_its_wire_time_on_the_fake_clock()
    {
        var clock = new FakeTimeProvider();
        await using var simulator = new BarcodeScannerSimulator(new BarcodeScannerSimulatorOptions { Suffix = BarcodeSuffix.CarriageReturnLineFeed, Prefix = "\u0002" }, clock);
        simulator.Plug();
        using var timeout = new CancellationTokenSource(Timeout);
        await using var slave = new FileStream(simulator.PortPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        var wireTime = simulator.WireTime(13);

        var scan = simulator.ScanAsync("3000000001", timeout.Token);
        clock.Advance(wireTime - TimeSpan.FromTicks(1));
        Assert.False(scan.IsCompleted);
        clock.Advance(TimeSpan.FromTicks(1));
        await scan.WaitAsync(timeout.Token);

        var received = new byte[13];
        await slave.ReadExactlyAsync(received, timeout.Token);
        Assert.Equal("\u00023000000001\r\n"u8.ToArray(), received);
    }

    [Fact]
    public async Task Unplug_removes_the_port_and_plug_brings_it_back_at_the_same_link()
    {
        var link = Path.Combine(Path.GetTempPath(), "kiosk-scanner-sim-test-" + Guid.NewGuid().ToString("N"));
        await using var simulator = new BarcodeScannerSimulator(new BarcodeScannerSimulatorOptions { LinkPath = link });
        simulator.Plug();
        var firstSlave = simulator.SlavePath;

        simulator.Unplug();

        Assert.False(simulator.IsPluggedIn);
        Assert.False(File.Exists(link));
        Assert.False(File.Exists(firstSlave));
        await Assert.ThrowsAsync<InvalidOperationException>(() => simulator.ScanAsync("TV0001"));

        simulator.Plug();

        Assert.True(File.Exists(link));
        Assert.Equal(simulator.SlavePath, new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void A_code_with_characters_a_serial_scanner_cannot_send_is_refused()
    {
        var simulator = new BarcodeScannerSimulator(new BarcodeScannerSimulatorOptions());

        // Refused before anything is written: the check is synchronous.
        Assert.Throws<ArgumentException>(() => { _ = simulator.ScanAsync("Sách-001"); });
    }
}
