using Kiosk.Protocols.Readers;
using Microsoft.Extensions.Logging;

namespace Kiosk.Devices.Gates;

/// <summary>Log messages of the exit gate. They name the gate, beams, pins, antennas and tag UIDs; never a person.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Gate '{Gate}': alarm on antenna {Antenna} for tag {Uid} ({Method}), direction {Direction}")]
    public static partial void AlarmRaised(ILogger logger, string gate, int antenna, TransponderUid? uid, GateDetectionMethod method, GateDirection direction);

    [LoggerMessage(2, LogLevel.Information, "Gate '{Gate}': alarmed tag {Uid} reads item {ItemId}, direction {Direction}")]
    public static partial void ItemRead(ILogger logger, string gate, TransponderUid uid, string itemId, GateDirection direction);

    [LoggerMessage(3, LogLevel.Information, "Gate '{Gate}': alarmed tag {Uid} could not be identified ({Problem}), direction {Direction}")]
    public static partial void ItemNotRead(ILogger logger, string gate, TransponderUid uid, string problem, GateDirection direction);

    [LoggerMessage(4, LogLevel.Debug, "Gate '{Gate}': one person {Direction}; totals in {In}, out {Out}")]
    public static partial void PassageCounted(ILogger logger, string gate, GateDirection direction, long @in, long @out);

    [LoggerMessage(5, LogLevel.Warning, "Gate '{Gate}': {Detail}")]
    public static partial void Fault(ILogger logger, string gate, string detail);

    [LoggerMessage(6, LogLevel.Information, "Gate '{Gate}': {Detail}")]
    public static partial void FaultCleared(ILogger logger, string gate, string detail);

    [LoggerMessage(7, LogLevel.Error, "Gate '{Gate}': the people counts could not be saved to {Path}")]
    public static partial void CountsNotSaved(ILogger logger, Exception exception, string gate, string path);

    [LoggerMessage(8, LogLevel.Information, "Gate '{Gate}' open: beams on GPIO {OuterPin} (outer) and {InnerPin} (inner), outputs {Outputs}; counts in {In}, out {Out}")]
    public static partial void Opened(ILogger logger, string gate, int outerPin, int innerPin, string outputs, long @in, long @out);
}
