using Kiosk.Protocols.Readers;
using Microsoft.Extensions.Logging;

namespace Kiosk.Devices.Rfid;

/// <summary>
/// Log messages of the RFID reader drivers and the reader service. They name readers, ports, antennas, UIDs and item
/// ids; never a patron identifier (a patron card's tag is logged by UID only).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Reader '{Reader}' on {PortName} did not answer {Operation} within {Timeout}; attempt {Attempt} of {Attempts}")]
    public static partial void ReplyTimedOut(ILogger logger, string reader, string portName, string operation, TimeSpan timeout, int attempt, int attempts);

    [LoggerMessage(2, LogLevel.Debug, "Reader '{Reader}': {Operation} spoiled by the radio ({Meaning}); attempt {Attempt} of {Attempts}")]
    public static partial void RadioRetry(ILogger logger, string reader, string operation, string meaning, int attempt, int attempts);

    [LoggerMessage(3, LogLevel.Debug, "Reader '{Reader}' on {PortName}: skipped bytes on the line: {Reason}")]
    public static partial void LineNoise(ILogger logger, string reader, string portName, string reason);

    [LoggerMessage(4, LogLevel.Information, "Reader '{Reader}': tag {Uid} now reads {State}, verified after {Attempts} attempt(s)")]
    public static partial void SecurityVerified(ILogger logger, string reader, TransponderUid uid, string state, int attempts);

    [LoggerMessage(5, LogLevel.Warning, "Reader '{Reader}': tag {Uid} could not be switched to {State} after {Attempts} attempt(s): {Failure}")]
    public static partial void SecurityNotVerified(ILogger logger, string reader, TransponderUid uid, string state, int attempts, string failure);

    [LoggerMessage(6, LogLevel.Information, "Reader '{Reader}': inventory AFI filter set to {Filter} in the reader's RAM configuration (CFG4)")]
    public static partial void InventoryFilterSet(ILogger logger, string reader, string filter);

    [LoggerMessage(7, LogLevel.Debug, "Reader '{Reader}': write to tag {Uid} failed at block {Block} ({Meaning}); attempt {Attempt} of {Attempts}")]
    public static partial void WriteRetry(ILogger logger, string reader, TransponderUid uid, int block, string meaning, int attempt, int attempts);

    [LoggerMessage(8, LogLevel.Debug, "Reader '{Reader}' on {PortName}: ignored a reply to another command ({Detail})")]
    public static partial void StrayReply(ILogger logger, string reader, string portName, string detail);

    [LoggerMessage(10, LogLevel.Warning, "Reader '{Reader}' polling failed ({Kind}): {Message}")]
    public static partial void PollFailed(ILogger logger, string reader, RfidReaderFailureKind kind, string message);

    [LoggerMessage(11, LogLevel.Information, "Reader '{Reader}' answers polls again")]
    public static partial void PollRecovered(ILogger logger, string reader);

    [LoggerMessage(12, LogLevel.Debug, "Reader '{Reader}': tag {Uid} {Change} antenna {Antenna}")]
    public static partial void PresenceChanged(ILogger logger, string reader, TransponderUid uid, string change, int antenna);

    [LoggerMessage(13, LogLevel.Information, "Reader '{Reader}': {Count} present tag(s) reported as left because the reader went away")]
    public static partial void PresentTagsCleared(ILogger logger, string reader, int count);
}
