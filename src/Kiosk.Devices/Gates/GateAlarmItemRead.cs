using Kiosk.Protocols.Readers;

namespace Kiosk.Devices.Gates;

/// <summary>
/// The tag behind an alarm was read after the alarm had sounded: its primary item id (for the ILS lookup), decoded
/// from its user memory, or the reason it could not be read (the walker was gone, a blank tag), with the direction of
/// the walker's passage. It waits for that direction, at most <see cref="GateOptions.AlarmDirectionWait"/> after the
/// alarm, so it is the alarm's complete record: every AFI alarm gets exactly one.
/// </summary>
/// <param name="Gate">The gate's name.</param>
/// <param name="AlarmId">The alarm it belongs to.</param>
/// <param name="Uid">The tag's UID.</param>
/// <param name="Antenna">The antenna that saw it.</param>
/// <param name="ItemId">The primary item id, or null when it could not be read or decoded.</param>
/// <param name="Direction">
/// The direction of the passage the alarm belongs to, as the beams counted it: In or Out; Unknown when the walker turned
/// back, a beam was stuck, or no passage was counted within the wait.
/// </param>
/// <param name="Problem">Why there is no item id; null when there is one.</param>
/// <param name="At">When the event was published: the read done and the direction known (or the wait over).</param>
public sealed record GateAlarmItemRead(
    string Gate,
    Guid AlarmId,
    TransponderUid Uid,
    int Antenna,
    string? ItemId,
    GateDirection Direction,
    string? Problem,
    DateTimeOffset At) : GateEvent(Gate, At);
