namespace Kiosk.Events.Model;

/// <summary>The kiosk lost the ILS and now stores transactions to forward later.</summary>
/// <param name="Reason">Why.</param>
public sealed record OfflineModeEnteredData(
    string Reason) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.OfflineModeEntered;
}
