namespace Kiosk.Events.Model;

/// <summary>The ILS is back and offline mode ended.</summary>
/// <param name="Duration">How long the kiosk was offline.</param>
/// <param name="PendingTransactions">Transactions still to replay.</param>
public sealed record OfflineModeLeftData(
    TimeSpan Duration,
    int PendingTransactions) : KioskEventData
{
    /// <inheritdoc/>
    public override string EventType => KioskEventTypes.OfflineModeLeft;
}
