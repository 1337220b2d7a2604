using Microsoft.Extensions.Logging;

namespace Kiosk.Devices.Transports;

/// <summary>Log messages of the serial transports and their supervisor. They carry port names and reasons, never payload bytes.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Serial port {PortName} open at {BaudRate} baud, {DataBits} data bits, parity {Parity}, stop bits {StopBits}")]
    public static partial void PortOpened(ILogger logger, string portName, int baudRate, int dataBits, string parity, string stopBits);

    [LoggerMessage(2, LogLevel.Warning, "Serial port {PortName} disconnected ({Reason}): {Message}")]
    public static partial void PortDisconnected(ILogger logger, string portName, SerialDisconnectReason reason, string message);

    [LoggerMessage(3, LogLevel.Debug, "Serial port {PortName} closed")]
    public static partial void PortClosed(ILogger logger, string portName);

    [LoggerMessage(4, LogLevel.Information, "Serial link {PortName} connected after {FailedAttempts} failed attempt(s)")]
    public static partial void LinkConnected(ILogger logger, string portName, int failedAttempts);

    [LoggerMessage(5, LogLevel.Warning, "Serial link {PortName} down: {Reason}; retrying in {RetryIn}")]
    public static partial void LinkDown(ILogger logger, string portName, string reason, TimeSpan retryIn);

    [LoggerMessage(6, LogLevel.Debug, "Serial link {PortName} still down (attempt {Attempt}): {Reason}; retrying in {RetryIn}")]
    public static partial void LinkStillDown(ILogger logger, string portName, int attempt, string reason, TimeSpan retryIn);

    [LoggerMessage(7, LogLevel.Error, "The driver session on serial link {PortName} failed; the link will be reopened")]
    public static partial void SessionFailed(ILogger logger, string portName, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Closing serial port {PortName} failed")]
    public static partial void CloseFailed(ILogger logger, string portName, Exception exception);
}
