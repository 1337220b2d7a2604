namespace Kiosk.Simulators.Ils;

/// <summary>What a hold request did.</summary>
/// <param name="Ok">Whether the hold was placed, changed or cancelled.</param>
/// <param name="Available">Whether the item is on the shelf: not on loan and no one else waiting.</param>
/// <param name="Item">The item, or null when unknown.</param>
/// <param name="QueuePosition">The patron's place in the hold queue, 1 first, or null.</param>
/// <param name="Expiration">When the hold lapses, or null.</param>
/// <param name="Message">The screen message, in Vietnamese.</param>
internal sealed record HoldOutcome(bool Ok, bool Available, IlsItem? Item, int? QueuePosition, DateTimeOffset? Expiration, string Message);
