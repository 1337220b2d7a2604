using System.Threading.Channels;
using Kiosk.Ils.Channels;
using Kiosk.Protocols.Sip2;
using Microsoft.Extensions.Logging;

namespace Kiosk.Ils;

/// <summary>
/// A set of at most PoolSize connections, each lent to one request at a time. Connections open when a request needs one,
/// and reopen after a failure one attempt at a time, with a shared exponential backoff: while the ILS is down, requests
/// fail at once with <see cref="Sip2FailureKind.Unreachable"/> instead of each waiting for a connect timeout. Upkeep
/// keeps KeepOpen of them open and heartbeating, closes the others once idle, and notices an ILS that closed idle
/// connections (or dropped one in use) within one pass rather than one heartbeat interval.
/// A connection that cannot log in while another one works shrinks the pool instead of taking the link off-line: the
/// ILS allows fewer sessions than PoolSize (Evergreen's SIPServer was seen leaving a second concurrent login with the
/// same credentials unanswered). The upkeep tries to grow back after PoolGrowRetryInterval.
/// </summary>
internal sealed class Sip2ConnectionPool : IAsyncDisposable
{
    private readonly Sip2ResolvedSettings _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<Sip2Connection> _idle;
    private readonly List<Sip2Connection> _all = [];

    // Connections taken out of circulation because the ILS would not log them in; guarded by _gate.
    private readonly List<Sip2Connection> _parked = [];
    private readonly SemaphoreSlim _openGate = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Lock _statusGate = new();
    private readonly CancellationTokenSource _disposing = new();
    private TimeSpan _backoff;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;
    private string _lastFailure = string.Empty;
    private AcsStatusResponseSnapshot? _lastAcsStatus;
    private int _inFlight;
    private int _effectiveSize;
    private int _smallestSizeWarned;
    private string? _shrinkReason;
    private DateTimeOffset _nextGrowAttempt;
    private string _statusReason = "no connection has been tried yet";

    // Set when a connection is lost: the ILS may have gone, so the next upkeep pass probes every idle open connection
    // instead of waiting for each one's heartbeat.
    private volatile bool _probeIdle;
    private volatile bool _disposed;
    private int _disposeStarted;

    public Sip2ConnectionPool(Sip2ResolvedSettings settings, ISip2ChannelFactory channels, ILogger logger, TimeProvider time)
    {
        _settings = settings;
        _logger = logger;
        _time = time;
        _idle = Channel.CreateBounded<Sip2Connection>(settings.Options.PoolSize);
        _effectiveSize = settings.Options.PoolSize;
        _smallestSizeWarned = settings.Options.PoolSize;
        for (var i = 0; i < settings.Options.PoolSize; i++)
        {
            var connection = new Sip2Connection(i + 1, settings, channels, logger, time);
            _all.Add(connection);
            _idle.Writer.TryWrite(connection);
        }
    }

    /// <summary>Raised, in order, when the link goes on-line or off-line, with the reason. Exceptions from handlers are logged and swallowed.</summary>
    public event Action<Sip2LinkStatus, string>? StatusChanged;

    /// <summary>
    /// Raised when a newer ACS Status changes what the ACS lets the SC do (on-line, checkin ok, checkout ok, renewal
    /// policy, status update ok, off-line ok, or the BX supported messages). Exceptions from handlers are logged and swallowed.
    /// </summary>
    public event Action<AcsStatusResponseSnapshot>? AcsStatusChanged;

    public Sip2LinkStatus Status { get; private set; } = Sip2LinkStatus.Unknown;

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

    /// <summary>The newest ACS Status any connection received, with when it arrived.</summary>
    public AcsStatusResponseSnapshot? LastAcsStatus
    {
        get
        {
            lock (_gate)
            {
                return _lastAcsStatus;
            }
        }
    }

    /// <summary>What the SC reports in SC Status (99): for example a printer out of paper.</summary>
    public Sip2ScStatusCode ScStatus { get; set; }

    public int OpenConnections => _all.Count(c => c.IsOpen);

    /// <summary>When the pool will next try to reconnect, while the ILS is unreachable.</summary>
    public DateTimeOffset NextAttempt
    {
        get
        {
            lock (_gate)
            {
                return _nextAttempt;
            }
        }
    }

    /// <summary>
    /// Borrows a connection, opening it if needed, runs <paramref name="action"/> on it, and gives it back. A closed
    /// connection the ILS will not log in while another works is parked, and the request waits for an open one.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Sip2Connection, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Disposal ends requests in flight: they fail as cancelled (and say whether they may have been applied).
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        while (true)
        {
            Sip2Connection connection;
            try
            {
                connection = await _idle.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ChannelClosedException ex)
            {
                throw new ObjectDisposedException("The SIP2 client is disposed.", ex);
            }

            Interlocked.Increment(ref _inFlight);
            var giveBack = true;
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (!connection.IsOpen && !await OpenAsync(connection, linked.Token).ConfigureAwait(false))
                {
                    giveBack = false;
                    continue;
                }

                var result = await action(connection, linked.Token).ConfigureAwait(false);
                Remember(connection);
                return result;
            }
            catch (Sip2Exception ex) when (ex.Kind is Sip2FailureKind.ConnectionLost or Sip2FailureKind.Timeout
                                           or Sip2FailureKind.Protocol or Sip2FailureKind.Cancelled)
            {
                // The connection is closed already; the next borrower reopens it (subject to backoff). If the ILS went away,
                // the idle connections are dead too: upkeep probes them now rather than at their heartbeats.
                if (ex.Kind is Sip2FailureKind.ConnectionLost or Sip2FailureKind.Timeout)
                {
                    _probeIdle = true;
                }

                ReportConnectionClosed(ex.Message);
                throw;
            }
            finally
            {
                if (_disposed)
                {
                    await connection.CloseAsync().ConfigureAwait(false);
                }

                Interlocked.Decrement(ref _inFlight);
                if (giveBack)
                {
                    _idle.Writer.TryWrite(connection);
                }
            }
        }
    }

    /// <summary>
    /// One pass of upkeep: idle open connections older than the heartbeat interval send SC Status; closed ones reopen
    /// once the backoff allows. Connections in use are left alone.
    /// </summary>
    public async Task MaintainAsync(CancellationToken cancellationToken)
    {
        var options = _settings.Options;
        var keepOpen = Math.Min(options.KeepOpen, EffectiveSize);
        var probe = _probeIdle;
        _probeIdle = false;
        for (var i = 0; i < options.PoolSize && !_disposed && _idle.Reader.TryRead(out var connection); i++)
        {
            var giveBack = true;
            try
            {
                var now = _time.GetUtcNow();
                if (!connection.IsOpen)
                {
                    if (OpenConnections < keepOpen && now >= NextAttempt)
                    {
                        giveBack = await OpenAsync(connection, cancellationToken).ConfigureAwait(false);
                    }
                }
                else if (connection.PeerHasClosed())
                {
                    await connection.CloseAsync().ConfigureAwait(false);
                    Log.PeerClosed(_logger, connection.Id);
                    ReportConnectionClosed("the ILS closed the connection");
                }
                else if (OpenConnections > keepOpen && now - connection.LastUsed >= options.IdleCloseAfter)
                {
                    // Past what the kiosk keeps while idle: give the ILS its server process back.
                    await connection.CloseAsync().ConfigureAwait(false);
                }
                else if (probe || now - connection.LastUsed >= options.HeartbeatInterval)
                {
                    await connection.StatusAsync(ScStatus, cancellationToken).ConfigureAwait(false);
                    Remember(connection);
                }
            }
            catch (Sip2Exception ex)
            {
                // OpenAsync already armed the backoff for a failed open; a failed heartbeat only closed its connection.
                Log.HeartbeatFailed(_logger, connection.Id, ex.Message);
                ReportConnectionClosed(ex.Message);
            }
            finally
            {
                if (giveBack)
                {
                    _idle.Writer.TryWrite(connection);
                }
            }
        }

        await TryGrowAsync(cancellationToken).ConfigureAwait(false);
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
    /// Opens <paramref name="connection"/>, or answers false when the pool is at its effective size or the ILS would not
    /// log it in while another connection works: then the connection is parked, and the caller must not give it back.
    /// </summary>
    private async Task<bool> OpenAsync(Sip2Connection connection, CancellationToken cancellationToken)
    {
        // One reconnect attempt at a time: while the ILS is down, the others wait here and then fail fast on the backoff.
        await _openGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            DateTimeOffset next;
            string lastFailure;
            lock (_gate)
            {
                if (OpenConnections >= _effectiveSize)
                {
                    _parked.Add(connection);
                    return false;
                }

                next = _nextAttempt;
                lastFailure = _lastFailure;
            }

            var now = _time.GetUtcNow();
            if (now < next)
            {
                throw new Sip2Exception(
                    Sip2FailureKind.Unreachable,
                    $"The ILS is unreachable ({lastFailure}); the next attempt is in {(next - now).TotalSeconds:0.#} s.");
            }

            try
            {
                await connection.OpenAsync(ScStatus, cancellationToken).ConfigureAwait(false);
            }
            catch (Sip2Exception ex) when (ex.Kind is not (Sip2FailureKind.Cancelled or Sip2FailureKind.Unreachable) && OpenConnections > 0)
            {
                // The ILS took the TCP connection and another session works, so it is up: it will not take this session.
                // A refused or unrouted connect is left to the backoff: that is the ILS (or the network) going away.
                Shrink(connection, ex);
                return false;
            }
            catch (Sip2Exception ex)
            {
                ArmBackoff(ex.Message);
                ReportConnectionClosed(ex.Message);
                throw;
            }

            lock (_gate)
            {
                _backoff = TimeSpan.Zero;
                _nextAttempt = DateTimeOffset.MinValue;
            }

            Remember(connection);
            return true;
        }
        finally
        {
            _openGate.Release();
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

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) == 1)
        {
            return;
        }

        _disposed = true;
        await _disposing.CancelAsync().ConfigureAwait(false);
        _idle.Writer.TryComplete();

        // Idle connections close now; borrowed ones close as their requests give them back.
        while (_idle.Reader.TryRead(out var connection))
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }

        if (Volatile.Read(ref _inFlight) == 0)
        {
            foreach (var connection in _all)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }

        _openGate.Dispose();
        _disposing.Dispose();
    }
}
