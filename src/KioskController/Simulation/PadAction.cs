namespace KioskController.Simulation;

/// <summary>The body of <c>POST /sim/api/pad</c>.</summary>
/// <param name="Action">place, remove or clear.</param>
/// <param name="Item">The item id, such as TV0001.</param>
/// <param name="Part">The part of a set, from 1; 1 when left out.</param>
internal sealed record PadAction(string Action, string? Item, int? Part);
