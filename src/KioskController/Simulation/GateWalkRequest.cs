namespace KioskController.Simulation;

/// <summary>The body of <c>POST /sim/api/gate</c>.</summary>
/// <param name="Scenario">one, two, turnback or trolley.</param>
/// <param name="Item">For one and turnback: the book the walker carries (its own tag, secured unless it was lent).</param>
/// <param name="Direction">in or out; out when left out.</param>
/// <param name="Speed">Walking speed in m/s; 1.4 when left out.</param>
internal sealed record GateWalkRequest(string Scenario, string? Item, string? Direction, double? Speed);
