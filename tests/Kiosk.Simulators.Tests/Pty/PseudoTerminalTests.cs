using Kiosk.Simulators.Pty;

namespace Kiosk.Simulators.Tests.Pty;

public sealed class PseudoTerminalTests
{
    // Bound on waiting for a pty condition; a pass takes milliseconds, a hang fails instead of blocking the run.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Bytes_pass_both_ways_untranslated_because_the_slave_is_raw()
    {
        using var pty = PseudoTerminal.Open();
        using var timeout = new CancellationTokenSource(Timeout);
        await using var slave = OpenSlave(pty.SlavePath);
        byte[] frame = [0x0D, 0x0A, 0x11, 0x13, 0x03, 0x04, 0x7F, 0xFF, 0x00];

        await pty.Stream.WriteAsync(frame, timeout.Token);
        var received = new byte[frame.Length];
        await slave.ReadExactlyAsync(received, timeout.Token);
        Assert.Equal(frame, received);

        await slave.WriteAsync(frame, timeout.Token);
        await pty.Stream.ReadExactlyAsync(received, timeout.Token);
        Assert.Equal(frame, received);
    }

    [Fact]
    public async Task The_link_points_at_the_slave_and_goes_with_the_pty()
    {
        var link = NewLinkPath();
        var pty = PseudoTerminal.Open(link);

        Assert.Equal(link, pty.PortPath);
        Assert.Equal(pty.SlavePath, new FileInfo(link).LinkTarget);
        Assert.StartsWith("/dev/pts/", pty.SlavePath, StringComparison.Ordinal);

        await pty.DisposeAsync();

        // Whether /dev/pts/N still exists afterwards is not ours to assert: another process may be given the same number.
        Assert.False(pty.Stream.CanWrite);
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.False(Path.Exists(link));
    }

    [Fact]
    public void A_new_pty_at_the_same_link_replaces_a_stale_link()
    {
        var link = NewLinkPath();
        File.CreateSymbolicLink(link, "/dev/pts/does-not-exist");
        try
        {
            using var pty = PseudoTerminal.Open(link);

            Assert.Equal(pty.SlavePath, new FileInfo(link).LinkTarget);
        }
        finally
        {
            File.Delete(link);
        }
    }

    [Fact]
    public void A_regular_file_at_the_link_path_is_never_replaced()
    {
        var path = NewLinkPath();
        File.WriteAllText(path, "profile");
        try
        {
            var error = Assert.Throws<IOException>(() => PseudoTerminal.Open(path));

            Assert.Contains("regular file", error.Message, StringComparison.Ordinal);
            Assert.Equal("profile", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task After_the_master_closes_the_slave_path_is_gone_and_the_driver_side_fails_with_EIO()
    {
        var pty = PseudoTerminal.Open();
        using var timeout = new CancellationTokenSource(Timeout);
        await using var slave = OpenSlave(pty.SlavePath);

        pty.Dispose();

        Assert.False(File.Exists(pty.SlavePath));

        // A hung-up tty: write(2) fails with EIO, read(2) returns end of file (EIO too if it was blocked at the time).
        var writeError = Assert.Throws<IOException>(() => slave.Write([0x41]));
        Assert.Contains("Input/output error", writeError.Message, StringComparison.Ordinal);
        Assert.Equal(0, await slave.ReadAsync(new byte[8], timeout.Token));
    }

    [Fact]
    public async Task A_pending_master_read_ends_when_the_pty_closes()
    {
        var pty = PseudoTerminal.Open();
        using var timeout = new CancellationTokenSource(Timeout);
        var read = pty.Stream.ReadAsync(new byte[8], timeout.Token).AsTask();

        pty.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => read.WaitAsync(timeout.Token));
    }

    [Fact]
    public async Task A_pending_master_read_can_be_cancelled_and_the_next_read_still_works()
    {
        using var pty = PseudoTerminal.Open();
        using var timeout = new CancellationTokenSource(Timeout);
        await using var slave = OpenSlave(pty.SlavePath);
        using var cancel = new CancellationTokenSource();
        var read = pty.Stream.ReadAsync(new byte[8], cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(timeout.Token));
        await slave.WriteAsync("A"u8.ToArray(), timeout.Token);
        var buffer = new byte[1];
        await pty.Stream.ReadExactlyAsync(buffer, timeout.Token);
        Assert.Equal((byte)'A', buffer[0]);
    }

    private static FileStream OpenSlave(string path) =>
        new(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);

    private static string NewLinkPath() => Path.Combine(Path.GetTempPath(), "kiosk-pty-test-" + Guid.NewGuid().ToString("N"));
}
