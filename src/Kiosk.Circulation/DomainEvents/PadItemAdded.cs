using Kiosk.Circulation.Sessions;

namespace Kiosk.Circulation.DomainEvents;

/// <summary>An item landed on the pad or was scanned in.</summary>
/// <param name="Item">The item as known so far (its title may follow in <see cref="PadItemUpdated"/>).</param>
/// <param name="At">When.</param>
public sealed record PadItemAdded(PadItem Item, DateTimeOffset At) : CirculationEvent(At);
