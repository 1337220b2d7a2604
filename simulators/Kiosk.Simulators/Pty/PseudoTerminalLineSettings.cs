namespace Kiosk.Simulators.Pty;

/// <summary>
/// The line settings the slave side currently carries, as the driver's SerialPort set them (a tty has one termios,
/// whichever descriptor reads it). On Linux a pty keeps the baud rate and stop bits it is given, but its driver
/// forces 8 data bits and no parity: glibc's tcsetattr(3) then reports EINVAL, while .NET's SerialPort opens anyway.
/// </summary>
/// <param name="BaudRate">Bits per second, or 0 when the speed constant is not one this type knows.</param>
/// <param name="DataBits">5 to 8.</param>
/// <param name="ParityEnabled">Whether PARENB is set.</param>
/// <param name="OddParity">Whether PARODD is set.</param>
/// <param name="StopBits">1, or 2 when CSTOPB is set.</param>
public readonly record struct PseudoTerminalLineSettings(int BaudRate, int DataBits, bool ParityEnabled, bool OddParity, int StopBits);
