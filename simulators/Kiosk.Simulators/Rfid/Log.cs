using Microsoft.Extensions.Logging;

namespace Kiosk.Simulators.Rfid;

/// <summary>The reader simulators' log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "{Reader} reader simulator on {PortPath} (slave {SlavePath})")]
    public static partial void Plugged(ILogger logger, string reader, string portPath, string slavePath);

    [LoggerMessage(2, LogLevel.Information, "{Reader} reader simulator unplugged from {PortPath}")]
    public static partial void Unplugged(ILogger logger, string reader, string portPath);

    [LoggerMessage(3, LogLevel.Debug, "{Reader}: {Exchange}")]
    public static partial void Exchanged(ILogger logger, string reader, string exchange);

    [LoggerMessage(4, LogLevel.Debug, "{Reader}: ignored bytes from the host: {Reason}")]
    public static partial void Ignored(ILogger logger, string reader, string reason);

    [LoggerMessage(5, LogLevel.Information, "{Reader}: resetting; dropped {Count} byte(s) from the host unanswered")]
    public static partial void DroppedWhileResetting(ILogger logger, string reader, int count);

    [LoggerMessage(6, LogLevel.Error, "{Reader}: the simulator failed while answering a request; it stays silent and goes on")]
    public static partial void ResponderFailed(ILogger logger, string reader, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "{Reader}: injecting fault {Fault}")]
    public static partial void FaultInjected(ILogger logger, string reader, string fault);
}
