using Kiosk.Devices.Gates;

namespace Kiosk.Circulation.Gates;

/// <summary>
/// The second event of a gate alarm: the item's title from the ILS (Item Information, 17), so staff see which book it
/// was. It comes after the alarm has sounded, and may never come (no item id on the tag); <see cref="Title"/> is null
/// when the ILS could not be asked or did not know the item, and <see cref="Problem"/> says why.
/// </summary>
/// <param name="Gate">The gate's name.</param>
/// <param name="AlarmId">The alarm of <see cref="GateAlarmRaised"/> this completes.</param>
/// <param name="ItemId">The primary item id read from the tag.</param>
/// <param name="Title">The title (AJ) the ILS gave, such as "Truyện Kiều, tập 2"; null when there is none.</param>
/// <param name="Direction">The direction as the gate knew it when the tag was read.</param>
/// <param name="Problem">Why there is no title; null when there is one.</param>
/// <param name="At">When the lookup finished.</param>
public sealed record GateAlarmEnriched(
    string Gate,
    Guid AlarmId,
    string ItemId,
    string? Title,
    GateDirection Direction,
    string? Problem,
    DateTimeOffset At) : GateEvent(Gate, At);
