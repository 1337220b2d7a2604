using Microsoft.Extensions.Logging;

namespace Kiosk.Ils;

/// <summary>
/// The link's status as the pool tells it: on-line or off-line with the reason, the shared reconnect backoff, and the
/// newest ACS Status any connection received (raised again only when its policy changed).
/// </summary>
internal sealed partial class Sip2ConnectionPool
{
    /// <summary>Why the link has its status: the last reason it changed, or the newest failure while it stays off-line.</summary>
    public string StatusReason
    {
        get
        {
            lock (_statusGate)
            {
                return _statusReason;
            }
        }
    }

    private void ArmBackoff(string reason)
    {
        lock (_gate)
        {
            var options = _settings.Options;
            _backoff = _backoff == TimeSpan.Zero
                ? options.ReconnectMinDelay
                : TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, options.ReconnectMaxDelay.Ticks));
            _nextAttempt = _time.GetUtcNow() + _backoff;
            _lastFailure = reason;
        }
    }

    /// <summary>Takes in the connection's ACS Status when it is newer than the pool's, and sets the link status from it.</summary>
    private void Remember(Sip2Connection connection)
    {
        AcsStatusResponseSnapshot newest;
        var changed = false;
        lock (_gate)
        {
            if (connection.AcsStatus is { } status && (_lastAcsStatus is null || status.ReceivedAt > _lastAcsStatus.ReceivedAt))
            {
                changed = _lastAcsStatus is null || !SamePolicy(_lastAcsStatus.Status, status.Status);
                _lastAcsStatus = status;
            }

            if (_lastAcsStatus is null)
            {
                return;
            }

            newest = _lastAcsStatus;
        }

        if (changed)
        {
            try
            {
                AcsStatusChanged?.Invoke(newest);
            }
#pragma warning disable CA1031 // A subscriber's bug must not fail the request that brought the status.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.SubscriberFailed(_logger, ex);
            }
        }

        if (newest.Status.OnlineStatus)
        {
            SetStatus(Sip2LinkStatus.Online, "the ACS is on-line");
        }
        else
        {
            SetStatus(Sip2LinkStatus.Offline, "the ACS says it is off-line");
        }
    }

    private static bool SamePolicy(Kiosk.Protocols.Sip2.Messages.AcsStatusResponse a, Kiosk.Protocols.Sip2.Messages.AcsStatusResponse b) =>
        a.OnlineStatus == b.OnlineStatus && a.CheckinOk == b.CheckinOk && a.CheckoutOk == b.CheckoutOk
        && a.AcsRenewalPolicy == b.AcsRenewalPolicy && a.StatusUpdateOk == b.StatusUpdateOk && a.OfflineOk == b.OfflineOk
        && a.SupportedMessages == b.SupportedMessages;

    private void ReportConnectionClosed(string reason)
    {
        if (OpenConnections == 0)
        {
            RestoreConfiguredSize();
            SetStatus(Sip2LinkStatus.Offline, reason);
        }
    }

    private void SetStatus(Sip2LinkStatus status, string reason)
    {
        // Under one lock, so handlers see changes in the order they happened.
        lock (_statusGate)
        {
            if (Status == status)
            {
                // Still off-line, but perhaps for a new reason (the ILS came up with a certificate the kiosk refuses).
                if (status == Sip2LinkStatus.Offline)
                {
                    _statusReason = reason;
                }

                return;
            }

            Status = status;
            _statusReason = reason;
            Log.LinkStatusChanged(_logger, status, reason);
            try
            {
                StatusChanged?.Invoke(status, reason);
            }
#pragma warning disable CA1031 // A subscriber's bug must not fail a checkout that already succeeded.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.SubscriberFailed(_logger, ex);
            }
        }
    }
}
