using Kiosk.Protocols.Readers;

namespace Kiosk.Devices.Gates;

/// <summary>
/// A secured item was detected and the alarm switched on. Raised right after the light and buzzer were driven, with
/// what the poll itself gave: the tag's UID (none for an EAS alarm), the antenna, and the direction of the passage in
/// progress. The item's id follows in <see cref="GateAlarmItemRead"/>, read off the alarm path.
/// </summary>
/// <param name="Gate">The gate's name.</param>
/// <param name="AlarmId">Ties the later events about this alarm to it.</param>
/// <param name="Uid">The tag's UID, or null for an EAS alarm (the command does not name the tag).</param>
/// <param name="Antenna">The antenna that saw it.</param>
/// <param name="Direction">
/// The direction of the passage in progress when the tag was seen; <see cref="GateDirection.Unknown"/> when nobody was
/// in the beams yet, which is usual. <see cref="GateAlarmItemRead"/> carries the direction the passage was counted with.
/// </param>
/// <param name="Method">AFI inventory or EAS alarm.</param>
/// <param name="At">When the alarm outputs were switched on.</param>
public sealed record GateAlarmRaised(
    string Gate,
    Guid AlarmId,
    TransponderUid? Uid,
    int Antenna,
    GateDirection Direction,
    GateDetectionMethod Method,
    DateTimeOffset At) : GateEvent(Gate, At);
