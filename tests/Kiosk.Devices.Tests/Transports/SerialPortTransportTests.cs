using System.IO.Ports;
using Kiosk.Devices.Transports;
using Kiosk.Simulators.Pty;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Devices.Tests.Transports;

public sealed class SerialPortTransportTests
{
    // Every byte a binary protocol might carry, including XON (0x11), XOFF (0x13), CR, LF and NUL.
    private static readonly byte[] BinaryFrame = [0x02, 0x11, 0x13, 0x0D, 0x0A, 0x00, 0x7F, 0x80, 0xFF, 0x03];

    [Theory]
    [InlineData(38400, Parity.Even)]
    [InlineData(9600, Parity.None)]
    public async Task Bytes_cross_a_real_pty_both_ways_unchanged(int baudRate, Parity parity)
    {
        using var pty = PseudoTerminal.Open();
        var transport = new SerialPortTransport(new SerialTransportOptions { PortName = pty.SlavePath, BaudRate = baudRate, Parity = parity });
        using var timeout = TestTimeouts.Start();
        await using var connection = await transport.OpenAsync(timeout.Token);

        await pty.Stream.WriteAsync(BinaryFrame, timeout.Token);
        Assert.Equal(BinaryFrame, await ReadExactlyAsync(connection.Stream, BinaryFrame.Length, timeout.Token));

        await connection.Stream.WriteAsync(BinaryFrame, timeout.Token);
        Assert.Equal(BinaryFrame, await ReadExactlyAsync(pty.Stream, BinaryFrame.Length, timeout.Token));
    }

    [Fact]
    public async Task The_baud_rate_reaches_the_line_but_a_pty_drops_parity()
    {
        using var pty = PseudoTerminal.Open();
        var transport = new SerialPortTransport(new SerialTransportOptions { PortName = pty.SlavePath, BaudRate = 38400, Parity = Parity.Even, StopBits = StopBits.Two });
        await using var connection = await transport.OpenAsync();

        var settings = pty.ReadLineSettings();

        Assert.Equal(38400, settings.BaudRate);
        Assert.Equal(2, settings.StopBits);

        // The Linux pty driver forces CS8 and clears PARENB (drivers/tty/pty.c); SerialPort opens anyway. If this
        // starts failing, the kernel has changed and 8E1 can be checked end to end on a pty.
        Assert.False(settings.ParityEnabled);
        Assert.Equal(8, settings.DataBits);
    }

    [Fact]
    public async Task DTR_and_RTS_are_off_by_default_so_a_pty_opens()
    {
        var options = new SerialTransportOptions();
        Assert.False(options.DtrEnable);
        Assert.False(options.RtsEnable);

        using var pty = PseudoTerminal.Open();
        options.PortName = pty.SlavePath;
        await using var connection = await new SerialPortTransport(options).OpenAsync();

        Assert.True(connection.IsOpen);
    }

    [Theory]
    [InlineData(true, false, "DTR", "DtrEnable")]
    [InlineData(false, true, "RTS", "RtsEnable")]
    public async Task Enabling_a_modem_line_on_a_pty_fails_naming_the_line_and_the_setting(bool dtr, bool rts, string line, string setting)
    {
        using var pty = PseudoTerminal.Open();
        var transport = new SerialPortTransport(new SerialTransportOptions { PortName = pty.SlavePath, DtrEnable = dtr, RtsEnable = rts });

        var error = await Assert.ThrowsAsync<SerialTransportException>(async () => await transport.OpenAsync());

        Assert.Contains("refused to raise " + line, error.Message, StringComparison.Ordinal);
        Assert.Contains("set " + setting + " to false", error.Message, StringComparison.Ordinal);
        Assert.Equal(SerialDisconnectReason.InputOutputError, error.Reason);
    }

    [Fact]
    public async Task Opening_a_missing_port_says_it_does_not_exist_rather_than_access_denied()
    {
        var path = Path.Combine(Path.GetTempPath(), "kiosk-no-such-port-" + Guid.NewGuid().ToString("N"));
        var transport = new SerialPortTransport(new SerialTransportOptions { PortName = path });

        Assert.False(transport.IsPortPresent);
        var error = await Assert.ThrowsAsync<SerialTransportException>(async () => await transport.OpenAsync());

        Assert.Equal(SerialDisconnectReason.PortVanished, error.Reason);
        Assert.Contains(path + " does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_settings_are_refused_naming_each_key_and_its_fix()
    {
        var options = new SerialTransportOptions { PortName = "", BaudRate = 0, StopBits = StopBits.None };

        var error = Assert.Throws<ArgumentException>(() => new SerialPortTransport(options));

        Assert.Contains("PortName is empty; set it", error.Message, StringComparison.Ordinal);
        Assert.Contains("BaudRate must be between 50 and 4000000", error.Message, StringComparison.Ordinal);
        Assert.Contains("StopBits is None", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unplugging_the_pty_ends_the_connection_as_port_vanished_and_closing_does_not_hang()
    {
        var pty = PseudoTerminal.Open();
        var transport = new SerialPortTransport(new SerialTransportOptions { PortName = pty.SlavePath });
        using var timeout = TestTimeouts.Start();
        var connection = await transport.OpenAsync(timeout.Token);
        var pendingRead = connection.Stream.ReadAsync(new byte[16], timeout.Token).AsTask();

        pty.Dispose();

        var disconnection = await connection.Disconnected.WaitAsync(timeout.Token);
        Assert.Equal(SerialDisconnectReason.PortVanished, disconnection.Reason);
        Assert.Contains("vanished", disconnection.Message, StringComparison.Ordinal);
        Assert.False(connection.IsOpen);
        await Assert.ThrowsAsync<SerialTransportException>(() => pendingRead.WaitAsync(timeout.Token));

        // SerialStream would leave this write queued for ever, and SerialPort.Dispose would then wait on it.
        await Assert.ThrowsAsync<SerialTransportException>(async () => await connection.Stream.WriteAsync(new byte[] { 1 }, timeout.Token));
        await connection.DisposeAsync().AsTask().WaitAsync(timeout.Token);
    }

    [Fact]
    public async Task The_presence_check_notices_an_unplug_while_nobody_reads()
    {
        var clock = new FakeTimeProvider();
        var pty = PseudoTerminal.Open();
        var options = new SerialTransportOptions { PortName = pty.SlavePath, PresenceCheckInterval = TimeSpan.FromSeconds(1) };
        using var timeout = TestTimeouts.Start();
        await using var connection = await new SerialPortTransport(options, clock).OpenAsync(timeout.Token);

        pty.Dispose();
        Assert.True(connection.IsOpen);
        clock.Advance(TimeSpan.FromSeconds(1));

        var disconnection = await connection.Disconnected.WaitAsync(timeout.Token);
        Assert.Equal(SerialDisconnectReason.PortVanished, disconnection.Reason);
        Assert.Contains("presence check", disconnection.Message, StringComparison.Ordinal);
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }
}
