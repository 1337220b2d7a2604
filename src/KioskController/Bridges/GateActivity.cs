namespace KioskController.Bridges;

/// <summary>What the gate did lately, for the status page and the /sim panel: counts, and the last alarms with their titles.</summary>
/// <param name="In">People counted coming in since the counts began.</param>
/// <param name="Out">People counted going out.</param>
/// <param name="Alarms">The latest alarms, newest first.</param>
/// <param name="Faults">Faults now standing, such as a blocked beam.</param>
internal sealed record GateActivity(long In, long Out, IReadOnlyList<GateAlarmLine> Alarms, IReadOnlyList<string> Faults);
