namespace KioskController.Bridges;

/// <summary>One alarm as staff see it: when, which antenna and way, and the item and title once known.</summary>
internal sealed record GateAlarmLine(Guid AlarmId, DateTimeOffset At, int Antenna, string Direction, string? ItemId, string? Title);
