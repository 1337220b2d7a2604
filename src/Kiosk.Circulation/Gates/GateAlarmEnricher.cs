using System.Globalization;
using System.Threading.Channels;
using Kiosk.Devices.Gates;
using Kiosk.Ils;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiosk.Circulation.Gates;

/// <summary>
/// Gives each gate alarm its title: for every <see cref="GateAlarmItemRead"/> with an item id it asks the ILS Item
/// Information (17) and publishes <see cref="GateAlarmEnriched"/> on the same hub. It runs beside the gate, never on
/// its alarm path: an ILS that is slow or gone only delays or empties the title, bounded by
/// <see cref="GateAlarmEnricherOptions.LookupTimeout"/>.
/// </summary>
internal sealed class GateAlarmEnricher : IHostedService, IAsyncDisposable
{
    private readonly GateEventHub _hub;
    private readonly ISip2Client _sip2;
    private readonly GateAlarmEnricherOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private CancellationTokenSource? _stopping;
    private Task _running = Task.CompletedTask;

    public GateAlarmEnricher(GateEventHub hub, ISip2Client sip2, IOptions<GateAlarmEnricherOptions> options, TimeProvider timeProvider, ILogger<GateAlarmEnricher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _hub = hub;
        _sip2 = sip2;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    // Subscribes in StartAsync, before the gate's hosted service opens, so no alarm of the first seconds is missed.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var events = _hub.Subscribe();
        _stopping = new CancellationTokenSource();
        _running = Task.Run(() => RunAsync(events, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The expected end of the loop.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping?.Dispose();
    }

    private async Task RunAsync(ChannelReader<GateEvent> events, CancellationToken cancellationToken)
    {
        await foreach (var gateEvent in events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (gateEvent is GateAlarmItemRead { ItemId: { Length: > 0 } itemId } read)
            {
                _hub.Publish(await EnrichAsync(read, itemId, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    private async Task<GateAlarmEnriched> EnrichAsync(GateAlarmItemRead read, string itemId, CancellationToken cancellationToken)
    {
        string? title = null;
        string? problem;
        using var timeout = new CancellationTokenSource(_options.LookupTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var response = await _sip2.ItemInformationAsync(itemId, linked.Token).ConfigureAwait(false);
            title = string.IsNullOrWhiteSpace(response.TitleIdentifier) ? null : response.TitleIdentifier;
            problem = title is null ? "the ILS knows no title for this item id" : null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"the ILS did not answer Item Information within {_options.LookupTimeout.TotalSeconds:0.#} s");
        }
        catch (Sip2Exception ex)
        {
            problem = $"the ILS could not be asked: {ex.Message}";
        }

        if (title is not null)
        {
            Log.Enriched(_logger, read.Gate, itemId, title);
        }
        else
        {
            Log.NotEnriched(_logger, read.Gate, itemId, problem!);
        }

        return new GateAlarmEnriched(read.Gate, read.AlarmId, itemId, title, read.Direction, problem, _timeProvider.GetUtcNow());
    }
}
