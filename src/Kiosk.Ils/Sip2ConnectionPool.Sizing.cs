using Microsoft.Extensions.Logging;

namespace Kiosk.Ils;

/// <summary>
/// The pool's size: an ILS that allows fewer sessions than PoolSize shrinks it (a connection that cannot log in while
/// another works is parked), the upkeep tries to grow it back after PoolGrowRetryInterval, and an outage that leaves no
/// connection starts it again at its configured size.
/// </summary>
internal sealed partial class Sip2ConnectionPool
{
    /// <summary>The configured and effective size, the open connections, and why the pool shrank.</summary>
    public Sip2PoolStatus PoolStatus
    {
        get
        {
            lock (_gate)
            {
                return new Sip2PoolStatus(_settings.Options.PoolSize, _effectiveSize, OpenConnections, _shrinkReason);
            }
        }
    }

    private int EffectiveSize
    {
        get
        {
            lock (_gate)
            {
                return _effectiveSize;
            }
        }
    }

    /// <summary>
    /// Once <see cref="Sip2ClientOptions.PoolGrowRetryInterval"/> has passed since the pool shrank, tries to log one parked
    /// connection in while another works. Off the patrons' path: only the upkeep calls it, so only it waits for an ILS
    /// that leaves the login unanswered.
    /// </summary>
    private async Task TryGrowAsync(CancellationToken cancellationToken)
    {
        Sip2Connection? candidate;
        lock (_gate)
        {
            if (_parked.Count == 0 || _time.GetUtcNow() < _nextGrowAttempt || Status != Sip2LinkStatus.Online || OpenConnections == 0)
            {
                return;
            }

            candidate = _parked[^1];
            _parked.RemoveAt(_parked.Count - 1);
            _effectiveSize++;
        }

        try
        {
            await candidate.OpenAsync(ScStatus, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Sip2Exception or OperationCanceledException)
        {
            lock (_gate)
            {
                _effectiveSize--;
                _parked.Add(candidate);
                _nextGrowAttempt = _time.GetUtcNow() + _settings.Options.PoolGrowRetryInterval;
            }

            Log.PoolStillShrunk(_logger, candidate.Id, EffectiveSize, ex.Message);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            return;
        }

        int effective;
        lock (_gate)
        {
            effective = _effectiveSize;
            if (effective >= _settings.Options.PoolSize)
            {
                _shrinkReason = null;
            }
        }

        Remember(candidate);
        Log.PoolGrew(_logger, candidate.Id, effective, _settings.Options.PoolSize);
        _idle.Writer.TryWrite(candidate);
    }

    /// <summary>
    /// Takes a connection that could not log in out of circulation, and the pool down to the connections open now. Only
    /// called while another connection is open: the ILS answers, it just will not take more sessions.
    /// </summary>
    private void Shrink(Sip2Connection connection, Sip2Exception failure)
    {
        var configured = _settings.Options.PoolSize;
        int effective;
        bool warn;
        lock (_gate)
        {
            _parked.Add(connection);
            effective = Math.Max(1, Math.Min(_effectiveSize, OpenConnections));
            _effectiveSize = effective;
            _shrinkReason =
                $"connection {connection.Id} could not log in while {effective} other(s) worked ({failure.Message}); " +
                $"the ILS allows fewer SIP sessions than Kiosk:Sip2:PoolSize ({configured}). For an ILS that allows one session " +
                "per SIP login, set Kiosk:Sip2:PoolSize and Kiosk:Sip2:KeepOpen to 1.";
            _nextGrowAttempt = _time.GetUtcNow() + _settings.Options.PoolGrowRetryInterval;
            warn = effective < _smallestSizeWarned;
            _smallestSizeWarned = Math.Min(_smallestSizeWarned, effective);
        }

        if (warn)
        {
            Log.PoolShrank(_logger, connection.Id, configured, effective, failure.Message);
        }
        else
        {
            Log.PoolShrankAgain(_logger, connection.Id, effective, failure.Message);
        }
    }

    /// <summary>
    /// With no connection left, a shrink can no longer be told from an outage (an ILS restarting may have left a login
    /// unanswered while a dead connection still looked open): the pool starts again at its configured size, and shrinks
    /// again, logged at Debug, if the ILS still allows fewer sessions.
    /// </summary>
    private void RestoreConfiguredSize()
    {
        lock (_gate)
        {
            foreach (var connection in _parked)
            {
                _idle.Writer.TryWrite(connection);
            }

            _parked.Clear();
            _effectiveSize = _settings.Options.PoolSize;
            _shrinkReason = null;
        }
    }
}
