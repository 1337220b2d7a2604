using Kiosk.Circulation.Sessions;

namespace Kiosk.Circulation.DomainEvents;

/// <summary>Every tag of an item left the pad.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="At">When.</param>
public sealed record PadItemRemoved(string ItemId, DateTimeOffset At) : CirculationEvent(At);
