using Microsoft.Extensions.Logging;

namespace Kiosk.Devices.Barcode;

/// <summary>Log messages of the barcode scanner driver. A scanned code may be a patron card: only its length is logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Scanner on {PortName} read a code of {Length} characters")]
    public static partial void Scanned(ILogger logger, string portName, int length);

    [LoggerMessage(2, LogLevel.Warning, "Scanner on {PortName} sent a line that is not a code ({Reason}): {Detail}")]
    public static partial void Rejected(ILogger logger, string portName, BarcodeRejectionReason reason, string detail);
}
