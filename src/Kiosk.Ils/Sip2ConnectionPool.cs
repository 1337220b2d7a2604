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
internal sealed partial class Sip2ConnectionPool : IAsyncDisposable
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
