namespace Kiosk.Events.Model;

/// <summary>
/// A book was lent but lifted off the pad before its security was switched off: the patron was asked to put it back.
/// Staff may see it at the gate if it does not come back.
/// </summary>
/// <param name="SessionId">The session number.</param>
/// <param name="ItemId">The item's id.</param>
public sealed record ItemRemovedBeforeSwitchData(
    string SessionId,
    string ItemId) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.ItemRemovedBeforeSwitch;
}
