using Kiosk.Circulation.DomainEvents;
using Kiosk.Ils;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Circulation.Availability;

/// <summary>
/// The one truth, for the kiosk's circulation, about whether the ILS is up. The SIP2 pool's link status feeds it, and
/// so does every request: a request that finds the ILS unreachable takes the kiosk off-line at once, where the pool's
/// own status only turns off-line when no pooled connection is left open. While off-line it probes the ILS
/// (<see cref="CirculationOptions.OfflineProbeInterval"/>) and, when it answers again, replays the off-line queue.
/// </summary>
internal sealed partial class IlsAvailability : IDisposable
{
    private readonly ISip2Client _ils;
    private readonly OfflineReplayer _replayer;
    private readonly IOfflineTransactionStore _queue;
    private readonly CirculationEventHub _events;
    private readonly CirculationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _probeTimer;
    private readonly Lock _sync = new();
    private DateTimeOffset? _downSince;

    public IlsAvailability(
        ISip2Client ils,
        OfflineReplayer replayer,
        IOfflineTransactionStore queue,
        CirculationEventHub events,
        IOptions<CirculationOptions> options,
        TimeProvider timeProvider,
        ILogger<IlsAvailability> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ils = ils;
        _replayer = replayer;
        _queue = queue;
        _events = events;
        _options = options.Value;
        _time = timeProvider;
        _logger = logger;
        _probeTimer = timeProvider.CreateTimer(_ => _ = ProbeAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _ils.StatusChanged += OnIlsStatusChanged;
    }

    /// <summary>Whether the ILS can be reached now, as far as the kiosk knows.</summary>
    public bool IsReachable
    {
        get
        {
            lock (_sync)
            {
                return _downSince is null && _ils.Status != Sip2LinkStatus.Offline;
            }
        }
    }

    /// <summary>The replay started by the ILS coming back, for tests to await.</summary>
    internal Task LastReplay { get; private set; } = Task.CompletedTask;

    /// <summary>At start: replays the off-line queue if the ILS answers, otherwise goes off-line until the probe finds it.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsReachable)
        {
            await _replayer.ReplayAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!IsReachable || !_replayer.LastRunComplete)
        {
            // Queued transactions wait for the ILS: the probe finds it and replays them.
            await DownAsync("the off-line queue could not be replayed at start").ConfigureAwait(false);
        }
    }

    /// <summary>The ILS answered a request.</summary>
    public async ValueTask AnsweredAsync()
    {
        DateTimeOffset since;
        lock (_sync)
        {
            if (_downSince is not { } down)
            {
                return;
            }

            since = down;
            _downSince = null;
        }

        var queued = await QueuedAsync().ConfigureAwait(false);
        await _events.PublishAsync(new OfflineLeft(_time.GetUtcNow() - since, queued, _time.GetUtcNow())).ConfigureAwait(false);

        // Off the caller's path: a patron's request or the client's event must not wait for the whole queue.
        LastReplay = Task.Run(ReplayAfterOutageAsync);
    }

    /// <summary>A request failed; a failure that means the ILS cannot be reached takes the kiosk off-line.</summary>
    public ValueTask FailedAsync(Sip2Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Kind is Sip2FailureKind.Unreachable or Sip2FailureKind.ConnectionLost or Sip2FailureKind.Timeout
            ? DownAsync(failure.Message)
            : ValueTask.CompletedTask;
    }

    /// <summary>The ILS is known to be unreachable (a return was queued, the queue could not be replayed).</summary>
    public async ValueTask DownAsync(string reason)
    {
        lock (_sync)
        {
            if (_downSince is not null)
            {
                return;
            }

            _downSince = _time.GetUtcNow();
        }

        LogUnreachable(_logger, reason);
        await _events.PublishAsync(new OfflineEntered(reason, _time.GetUtcNow())).ConfigureAwait(false);
        _probeTimer.Change(_options.OfflineProbeInterval, _options.OfflineProbeInterval);
    }

    public void Dispose()
    {
        _ils.StatusChanged -= OnIlsStatusChanged;
        _probeTimer.Dispose();
    }

    private void OnIlsStatusChanged(object? sender, Sip2LinkStatusChangedEventArgs change)
    {
        if (change.Status == Sip2LinkStatus.Offline)
        {
            _ = DownAsync(change.Reason).AsTask();
        }
        else if (change.Status == Sip2LinkStatus.Online)
        {
            _ = AnsweredAsync().AsTask();
        }
    }

    private async Task ProbeAsync()
    {
        bool down;
        lock (_sync)
        {
            down = _downSince is not null;
        }

        if (down)
        {
            try
            {
                // Login (93) and SC Status (99) on a pooled connection: nothing that changes the library's data.
                await _ils.LoginAsync().ConfigureAwait(false);
            }
            catch (Sip2Exception)
            {
                return;
            }

            await AnsweredAsync().ConfigureAwait(false);
            return;
        }

        await ReplayAfterOutageAsync().ConfigureAwait(false);
    }

    private async Task ReplayAfterOutageAsync()
    {
        try
        {
            await _replayer.ReplayAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The store may fail (disk full); what is queued stays queued for the next try.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReplayFailed(_logger, ex.Message);
        }

        // An unfinished replay (stale connections to an ILS that only just came back) is tried again at the next probe.
        var again = !_replayer.LastRunComplete || !IsReachable;
        var period = again ? _options.OfflineProbeInterval : Timeout.InfiniteTimeSpan;
        _probeTimer.Change(period, period);
    }

    private async Task<int> QueuedAsync()
    {
        try
        {
            return (await _queue.PendingAsync().ConfigureAwait(false)).Count;
        }
#pragma warning disable CA1031 // Only a count for the event: an unreadable queue reports none, and the replay says why.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReplayFailed(_logger, ex.Message);
            return 0;
        }
    }

    [LoggerMessage(10, LogLevel.Warning, "The ILS cannot be reached ({Reason}); working off-line as the site's policy allows")]
    private static partial void LogUnreachable(ILogger logger, string reason);

    [LoggerMessage(9, LogLevel.Error, "Offline replay failed: {Reason}; the queue is kept for the next try")]
    private static partial void LogReplayFailed(ILogger logger, string reason);
}
