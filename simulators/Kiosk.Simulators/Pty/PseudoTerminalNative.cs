using System.Runtime.InteropServices;

namespace Kiosk.Simulators.Pty;

/// <summary>
/// The libc calls behind <see cref="PseudoTerminal"/>. openpty(3) moved from libutil into libc in glibc 2.34 (Debian 12
/// ships 2.36), so everything binds to "libc".
/// </summary>
internal static unsafe partial class PseudoTerminalNative
{
    /// <summary>errno EINTR: a signal interrupted the call; it is simply repeated.</summary>
    public const int InterruptedCall = 4;

    /// <summary>errno EIO: on a pty master, no slave descriptor is open any more (pty(7)).</summary>
    public const int InputOutputError = 5;

    /// <summary>errno EAGAIN: nothing to read on a non-blocking descriptor.</summary>
    public const int TryAgain = 11;

    /// <summary>poll(2) POLLIN.</summary>
    public const short PollIn = 0x001;

    /// <summary>poll(2) POLLERR.</summary>
    public const short PollError = 0x008;

    /// <summary>poll(2) POLLHUP.</summary>
    public const short PollHangUp = 0x010;

    /// <summary>tcsetattr(3) TCSANOW.</summary>
    public const int SetNow = 0;

    /// <summary>pipe2(2) flags O_NONBLOCK | O_CLOEXEC (asm-generic/fcntl.h values, the same on x86-64 and arm64).</summary>
    public const int NonBlockingCloseOnExec = 0x800 | 0x80000;

    /// <summary>
    /// sizeof(struct termios) in glibc on x86-64 and arm64 is 60 bytes (4 flag words, c_line, c_cc[32], two speeds);
    /// buffers are a little larger so a different libc layout cannot overrun them.
    /// </summary>
    public const int TermiosBufferSize = 128;

    /// <summary>Offset of c_cflag in struct termios (after c_iflag and c_oflag).</summary>
    public const int ControlFlagsOffset = 8;

    [LibraryImport("libc", EntryPoint = "openpty", SetLastError = true)]
    public static partial int OpenPseudoTerminal(out int master, out int slave, nint name, nint termios, nint windowSize);

    [LibraryImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    public static partial int SlaveName(int master, byte* buffer, nuint length);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int GetAttributes(int descriptor, byte* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int SetAttributes(int descriptor, int optionalActions, byte* termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    public static partial void MakeRaw(byte* termios);

    [LibraryImport("libc", EntryPoint = "cfgetospeed")]
    public static partial uint GetOutputSpeed(byte* termios);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int descriptor, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int descriptor, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollDescriptor* descriptors, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    public static partial int CreatePipe(int* descriptors, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int descriptor);

    /// <summary>struct pollfd of poll(2).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollDescriptor
    {
        public int Descriptor;
        public short RequestedEvents;
        public short ReturnedEvents;
    }
}
