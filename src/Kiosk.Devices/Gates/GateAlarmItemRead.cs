using Kiosk.Protocols.Readers;

namespace Kiosk.Devices.Gates;

/// <summary>
/// The tag behind an alarm was read after the alarm had sounded: its primary item id (for the ILS lookup), decoded
/// from its user memory, or the reason it could not be read (the walker was gone, a blank tag).
/// </summary>
/// <param name="Gate">The gate's name.</param>
/// <param name="AlarmId">The alarm it belongs to.</param>
/// <param name="Uid">The tag's UID.</param>
/// <param name="ItemId">The primary item id, or null when it could not be read or decoded.</param>
/// <param name="Direction">The direction as known now: the passage's, when the walker has crossed both beams.</param>
/// <param name="Problem">Why there is no item id; null when there is one.</param>
/// <param name="At">When the read finished.</param>
public sealed record GateAlarmItemRead(
    string Gate,
    Guid AlarmId,
    TransponderUid Uid,
    string? ItemId,
    GateDirection Direction,
    string? Problem,
    DateTimeOffset At) : GateEvent(Gate, At);
