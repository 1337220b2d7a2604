using Kiosk.Circulation.Pad;

namespace Kiosk.Circulation.Sessions;

/// <summary>How a session ended.</summary>
/// <param name="LeftOnPad">The books still on the pad that the session did not borrow: they stay in the library, secured.</param>
public sealed record SessionEndResult(IReadOnlyList<PadItem> LeftOnPad);
