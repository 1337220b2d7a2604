using Microsoft.Extensions.Logging;

namespace Kiosk.Devices.Printers;

internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Printer {Printer} status changed: {Status}")]
    public static partial void StatusChanged(ILogger logger, string printer, PrinterStatus status);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Printer {Printer} did not print a job of {Bytes} bytes ({Code}): {Reason}")]
    public static partial void PrintFailed(ILogger logger, string printer, int bytes, PrintResultCode code, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Printer {Printer} printed a job of {Bytes} bytes")]
    public static partial void Printed(ILogger logger, string printer, int bytes);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Printer {Printer} connection dropped: {Reason}")]
    public static partial void ConnectionDropped(ILogger logger, string printer, string reason);
}
