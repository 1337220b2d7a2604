using Kiosk.Circulation.Sessions;

namespace Kiosk.Circulation.DomainEvents;

/// <summary>More is known about an item on the pad: its title, another part, a part lifted.</summary>
/// <param name="Item">The item now.</param>
/// <param name="At">When.</param>
public sealed record PadItemUpdated(PadItem Item, DateTimeOffset At) : CirculationEvent(At);
