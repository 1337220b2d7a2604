using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using static Kiosk.Simulators.Pty.PseudoTerminalNative;

namespace Kiosk.Simulators.Pty;

/// <summary>
/// A pseudo-terminal pair (pty(7)) that stands in for a serial device: the driver opens <see cref="PortPath"/> with
/// SerialPort as if it were /dev/ttyUSB0, and the simulator speaks through <see cref="Stream"/> on the master side.
/// </summary>
/// <remarks>
/// <para>
/// The slave starts in raw mode (cfmakeraw(3)), so no byte is translated or swallowed (no ICRNL, no XON/XOFF, no
/// echo). This object keeps its own slave descriptor open for its whole life, so data written before the driver
/// opens the port waits in the slave's input queue, and the master never reads EIO between two driver sessions.
/// </para>
/// <para>
/// Disposing is the "unplug": the master closes, the kernel hangs up the slave and removes /dev/pts/N, and the link
/// (if any) is deleted. What a driver holding the slave then sees, measured on Linux 6.x with glibc 2.36:
/// read(2) that was blocked fails with EIO and later reads return 0 (end of file); write(2) fails with EIO; the
/// modem-line ioctls (TIOCMBIS) fail with EIO (before the hang-up they fail with ENOTTY, as a pty has no DTR or RTS);
/// poll(2) reports POLLHUP and POLLERR. .NET's SerialStream turns that POLLERR into ObjectDisposedException ("The port
/// is closed.") for pending reads and stops its I/O loop for good. Opening the vanished path with SerialPort throws
/// UnauthorizedAccessException, as it does for any failed open(2). The "replug" is a new
/// <see cref="PseudoTerminal"/> at the same <see cref="LinkPath"/>.
/// </para>
/// </remarks>
public sealed unsafe class PseudoTerminal : IDisposable, IAsyncDisposable
{
    private readonly PseudoTerminalMasterStream _master;
    private readonly int _slave;
    private int _disposed;

    private PseudoTerminal(PseudoTerminalMasterStream master, int slave, string slavePath, string? linkPath)
    {
        _master = master;
        _slave = slave;
        SlavePath = slavePath;
        LinkPath = linkPath;
    }

    /// <summary>The slave device, such as /dev/pts/5. It disappears when this object is disposed.</summary>
    public string SlavePath { get; }

    /// <summary>The symbolic link that points at <see cref="SlavePath"/>, when one was asked for.</summary>
    public string? LinkPath { get; }

    /// <summary>The path a driver should open: <see cref="LinkPath"/> when there is one, else <see cref="SlavePath"/>.</summary>
    public string PortPath => LinkPath ?? SlavePath;

    /// <summary>The master side: what the simulated device sends and receives. Read by one reader at a time.</summary>
    public Stream Stream => _master;

    /// <summary>Whether the pty is still open (not yet unplugged).</summary>
    public bool IsOpen => Volatile.Read(ref _disposed) == 0;

    /// <summary>
    /// Opens a pty pair with the slave in raw mode and, when <paramref name="linkPath"/> is given, points that symbolic
    /// link at the slave, replacing a link left by an earlier pty (never a regular file).
    /// </summary>
    /// <param name="linkPath">A stable path for profiles and drivers, such as /tmp/kiosk-reader0; null for none.</param>
    /// <exception cref="PlatformNotSupportedException">Not on Linux.</exception>
    /// <exception cref="IOException">The kernel refused a pty, or <paramref name="linkPath"/> is a regular file.</exception>
    public static PseudoTerminal Open(string? linkPath = null)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("PseudoTerminal needs Linux pseudo-terminals (openpty(3)); use a virtual COM port pair (com0com) on Windows.");
        }

        if (OpenPseudoTerminal(out var master, out var slave, 0, 0, 0) != 0)
        {
            throw new IOException(string.Create(
                CultureInfo.InvariantCulture,
                $"openpty failed (errno {Marshal.GetLastPInvokeError()}); check that /dev/pts is mounted and /dev/ptmx is accessible."));
        }

        try
        {
            MakeSlaveRaw(slave);
            var slavePath = ReadSlavePath(master);
            if (linkPath is not null)
            {
                PointLink(linkPath, slavePath);
            }

            return new PseudoTerminal(new PseudoTerminalMasterStream(master), slave, slavePath, linkPath);
        }
        catch
        {
            _ = Close(master);
            _ = Close(slave);
            throw;
        }
    }

    /// <summary>Reads the slave's current line settings: what the driver's SerialPort applied (and the pty kept).</summary>
    public PseudoTerminalLineSettings ReadLineSettings()
    {
        ObjectDisposedException.ThrowIf(!IsOpen, this);
        var termios = stackalloc byte[TermiosBufferSize];
        if (GetAttributes(_slave, termios) != 0)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"tcgetattr on {SlavePath} failed (errno {Marshal.GetLastPInvokeError()})."));
        }

        // Flag values from asm-generic/termbits.h (x86-64 and arm64 alike).
        var controlFlags = *(uint*)(termios + ControlFlagsOffset);
        var dataBits = (controlFlags & 0x30) switch
        {
            0x00 => 5,
            0x10 => 6,
            0x20 => 7,
            _ => 8,
        };
        return new PseudoTerminalLineSettings(
            BaudRate: SpeedToBaudRate(GetOutputSpeed(termios)),
            DataBits: dataBits,
            ParityEnabled: (controlFlags & 0x100) != 0,
            OddParity: (controlFlags & 0x200) != 0,
            StopBits: (controlFlags & 0x40) != 0 ? 2 : 1);
    }

    /// <summary>Unplugs: closes the master (the slave hangs up and /dev/pts/N goes) and removes the link if it is still ours.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Master first: that is the hang-up every other slave holder sees. Then our own slave descriptor.
        _master.Dispose();
        _ = Close(_slave);
        if (LinkPath is not null && PointsAt(LinkPath, SlavePath))
        {
            File.Delete(LinkPath);
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static void MakeSlaveRaw(int slave)
    {
        var termios = stackalloc byte[TermiosBufferSize];
        if (GetAttributes(slave, termios) != 0)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"tcgetattr on a new pty slave failed (errno {Marshal.GetLastPInvokeError()})."));
        }

        MakeRaw(termios);
        if (SetAttributes(slave, SetNow, termios) != 0)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"tcsetattr (raw mode) on a new pty slave failed (errno {Marshal.GetLastPInvokeError()})."));
        }
    }

    private static string ReadSlavePath(int master)
    {
        // PATH_MAX is far more than "/dev/pts/NNNN" needs.
        var buffer = stackalloc byte[256];
        if (SlaveName(master, buffer, 256) != 0)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"ptsname_r failed (errno {Marshal.GetLastPInvokeError()})."));
        }

        return Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(buffer));
    }

    private static void PointLink(string linkPath, string slavePath)
    {
        var existing = new FileInfo(linkPath);
        if (existing.Exists || existing.LinkTarget is not null)
        {
            if (existing.LinkTarget is null)
            {
                throw new IOException($"Refusing to replace {linkPath} with a link to {slavePath}: it is a regular file, not a symbolic link. Choose another link path or remove the file.");
            }
        }

        // A new link under a temporary name, then rename(2) over the old one: a driver polling the path never sees it
        // missing during a replug.
        var temporary = linkPath + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        File.Delete(temporary);
        File.CreateSymbolicLink(temporary, slavePath);
        File.Move(temporary, linkPath, overwrite: true);
    }

    private static bool PointsAt(string linkPath, string slavePath) =>
        new FileInfo(linkPath).LinkTarget is { } target && string.Equals(target, slavePath, StringComparison.Ordinal);

    private static int SpeedToBaudRate(uint speed) => speed switch
    {
        // speed_t constants from asm-generic/termbits.h.
        0x09 => 1200,
        0x0B => 2400,
        0x0C => 4800,
        0x0D => 9600,
        0x0E => 19200,
        0x0F => 38400,
        0x1001 => 57600,
        0x1002 => 115200,
        0x1003 => 230400,
        0x1004 => 460800,
        0x1007 => 921600,
        _ => 0,
    };
}
