namespace Kiosk.Circulation.DomainEvents;

/// <summary>Not every part of a multi-part item is on the pad.</summary>
/// <param name="SessionId">The session, or null for a return.</param>
/// <param name="ItemId">The item.</param>
/// <param name="PartsInItem">How many parts it has.</param>
/// <param name="MissingParts">The part numbers not on the pad.</param>
/// <param name="Refused">Whether the site's policy refused it (otherwise the patron was warned).</param>
/// <param name="At">When.</param>
public sealed record SetIncomplete(Guid? SessionId, string ItemId, int PartsInItem, IReadOnlyList<int> MissingParts, bool Refused, DateTimeOffset At) : CirculationEvent(At);
