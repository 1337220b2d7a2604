using Kiosk.Ils;

namespace KioskController.Api.Live;

/// <summary>
/// Publishes a fresh status snapshot to the screens whenever the ILS link (or what its ACS Status allows), a reader, the
/// scanner or the printer changes, at most once per <see cref="Coalesce"/>, so a burst of tag events becomes one
/// update; and each device that moved between online, degraded and offline to the central system
/// (<see cref="DeviceStatusEvents"/>).
/// </summary>
internal sealed class StatusBroadcaster(StatusChangeSignal signal, LiveUpdates live, KioskStatusProvider status, DeviceStatusEvents deviceEvents, Sip2Client sip2, Commands.MaintenanceMode maintenance, TimeProvider time) : BackgroundService
{
    /// <summary>How long a burst of changes is gathered into one snapshot. Short enough that a book appears at once.</summary>
    public static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        void OnLink(object? sender, Sip2LinkStatusChangedEventArgs e) => signal.Raise();
        void OnAcsStatus(object? sender, AcsStatusResponseSnapshot e) => signal.Raise();
        void OnMaintenance(object? sender, EventArgs e) => signal.Raise();
        sip2.StatusChanged += OnLink;
        sip2.AcsStatusChanged += OnAcsStatus;
        maintenance.Changed += OnMaintenance;
        try
        {
            while (await signal.WaitAsync(stoppingToken).ConfigureAwait(false))
            {
                await Task.Delay(Coalesce, time, stoppingToken).ConfigureAwait(false);
                signal.TryTake();
                var current = status.Current();
                live.Publish("status", current);
                await deviceEvents.ObserveAsync(current, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        finally
        {
            sip2.StatusChanged -= OnLink;
            sip2.AcsStatusChanged -= OnAcsStatus;
            maintenance.Changed -= OnMaintenance;
        }
    }
}
