using System.Threading.Channels;
using Kiosk.Protocols.Sip2;
using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.Sip2;

/// <summary>
/// A fixed set of connections, each lent to one request at a time. Connections open lazily and reopen after a failure,
/// with a shared exponential backoff: while the ILS is down, requests fail at once with
/// <see cref="Sip2FailureKind.Unreachable"/> instead of each waiting for a connect timeout.
/// </summary>
internal sealed class Sip2ConnectionPool : IAsyncDisposable
{
    private readonly Sip2ResolvedSettings _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<Sip2Connection> _idle;
    private readonly List<Sip2Connection> _all = [];
    private readonly Lock _gate = new();
    private TimeSpan _backoff;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;
    private string _lastFailure = string.Empty;

    public Sip2ConnectionPool(Sip2ResolvedSettings settings, ILogger logger, TimeProvider time)
    {
        _settings = settings;
        _logger = logger;
        _time = time;
        _idle = Channel.CreateBounded<Sip2Connection>(settings.Options.PoolSize);
        for (var i = 0; i < settings.Options.PoolSize; i++)
        {
            var connection = new Sip2Connection(i + 1, settings, logger, time);
            _all.Add(connection);
            _idle.Writer.TryWrite(connection);
        }
    }

    /// <summary>Raised when the link goes on-line or off-line, with the reason.</summary>
    public event Action<Sip2LinkStatus, string>? StatusChanged;

    public Sip2LinkStatus Status { get; private set; } = Sip2LinkStatus.Unknown;

    /// <summary>The newest ACS Status any connection received.</summary>
    public AcsStatusResponseSnapshot? LastAcsStatus { get; private set; }

    /// <summary>What the SC reports in SC Status (99): for example a printer out of paper.</summary>
    public Sip2ScStatusCode ScStatus { get; set; }

    public int OpenConnections => _all.Count(c => c.IsOpen);

    /// <summary>Borrows a connection, opening it if needed, runs <paramref name="action"/> on it, and gives it back.</summary>
    public async Task<T> RunAsync<T>(Func<Sip2Connection, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        var connection = await _idle.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!connection.IsOpen)
            {
                await OpenAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            var result = await action(connection, cancellationToken).ConfigureAwait(false);
            Remember(connection);
            return result;
        }
        catch (Sip2Exception ex) when (ex.Kind is Sip2FailureKind.ConnectionLost or Sip2FailureKind.Timeout)
        {
            // The connection is closed already; the next borrower reopens it (subject to backoff).
            ReportOffline(ex.Message, startBackoff: false);
            throw;
        }
        finally
        {
            _idle.Writer.TryWrite(connection);
        }
    }

    /// <summary>
    /// One pass of upkeep: idle open connections older than the heartbeat interval send SC Status; closed ones reopen
    /// once the backoff allows. Connections in use are left alone.
    /// </summary>
    public async Task MaintainAsync(CancellationToken cancellationToken)
    {
        var count = _settings.Options.PoolSize;
        for (var i = 0; i < count && _idle.Reader.TryRead(out var connection); i++)
        {
            try
            {
                if (!connection.IsOpen)
                {
                    if (_time.GetUtcNow() >= _nextAttempt)
                    {
                        await OpenAsync(connection, cancellationToken).ConfigureAwait(false);
                    }
                }
                else if (_time.GetUtcNow() - connection.LastUsed >= _settings.Options.HeartbeatInterval)
                {
                    await connection.StatusAsync(ScStatus, cancellationToken).ConfigureAwait(false);
                    Remember(connection);
                }
            }
            catch (Sip2Exception ex)
            {
                Log.HeartbeatFailed(_logger, connection.Id, ex.Message);
                ReportOffline(ex.Message, startBackoff: ex.Kind is Sip2FailureKind.Unreachable or Sip2FailureKind.LoginRefused);
            }
            finally
            {
                _idle.Writer.TryWrite(connection);
            }
        }
    }

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

    private async Task OpenAsync(Sip2Connection connection, CancellationToken cancellationToken)
    {
        DateTimeOffset next;
        string lastFailure;
        lock (_gate)
        {
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
        catch (Sip2Exception ex)
        {
            ReportOffline(ex.Message, startBackoff: true);
            throw;
        }

        Remember(connection);
        lock (_gate)
        {
            _backoff = TimeSpan.Zero;
            _nextAttempt = DateTimeOffset.MinValue;
        }
    }

    private void Remember(Sip2Connection connection)
    {
        if (connection.AcsStatus is { } status)
        {
            LastAcsStatus = new AcsStatusResponseSnapshot(status, _time.GetUtcNow());
            if (status.OnlineStatus)
            {
                SetStatus(Sip2LinkStatus.Online, "the ACS is on-line");
            }
            else
            {
                SetStatus(Sip2LinkStatus.Offline, "the ACS says it is off-line");
            }
        }
    }

    private void ReportOffline(string reason, bool startBackoff)
    {
        if (startBackoff)
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

        if (OpenConnections == 0)
        {
            SetStatus(Sip2LinkStatus.Offline, reason);
        }
    }

    private void SetStatus(Sip2LinkStatus status, string reason)
    {
        if (Status == status)
        {
            return;
        }

        Status = status;
        Log.LinkStatusChanged(_logger, status, reason);
        StatusChanged?.Invoke(status, reason);
    }

    public async ValueTask DisposeAsync()
    {
        _idle.Writer.TryComplete();
        foreach (var connection in _all)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
