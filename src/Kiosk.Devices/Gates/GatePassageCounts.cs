namespace Kiosk.Devices.Gates;

/// <summary>People counted through a gate since its count file was created.</summary>
/// <param name="In">Into the library.</param>
/// <param name="Out">Out of the library.</param>
public sealed record GatePassageCounts(long In, long Out);
