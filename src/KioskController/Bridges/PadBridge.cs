using System.Collections.Concurrent;
using Kiosk.Ils;
using Kiosk.Devices.Rfid;

namespace KioskController.Bridges;

/// <summary>
/// Pad → circulation: follows every reader's events, in order, keeps each reader's link state for the status page,
/// and hands the pad reader's events to the circulation's <see cref="PadFeed"/>. What lies on the pad is the pad
/// model's to know; this bridge keeps no copy of it.
/// </summary>
internal sealed partial class PadBridge(RfidReaderRegistry registry, StatusChangeSignal changed, IServiceProvider services, ILogger<PadBridge> logger) : BackgroundService
{
    // The reader's event channel has one consumer, this bridge; a kiosk without circulation (a gate) has no pad feed.
    private readonly PadFeed? _feed = services.GetService<PadFeed>();
    private readonly PadModel? _pad = services.GetService<PadModel>();
    private readonly ConcurrentDictionary<string, LinkState> _links = new(StringComparer.Ordinal);

    /// <summary>Every reader's state now, with the tags the pad model read on the pad.</summary>
    public IReadOnlyList<ReaderSnapshot> Snapshot() =>
        [.. registry.Readers.Select(reader =>
        {
            var link = _links.GetValueOrDefault(reader.Name) ?? new LinkState("disconnected", "not started yet");
            var tags = _pad is not null && _pad.Reader.Name == reader.Name
                ? _pad.Tags().Select(tag => new PadTag(tag.Uid, tag.Antenna, tag.ItemId, tag.Model, tag.PartNumber, tag.PartsInItem)).ToList()
                : [];
            return new ReaderSnapshot(reader.Name, link.Status, link.Reason, tags);
        })];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(registry.Readers.Select(reader => FollowAsync(reader, stoppingToken)));

    private async Task FollowAsync(RfidReaderService reader, CancellationToken stoppingToken)
    {
        _links.TryAdd(reader.Name, new LinkState("disconnected", "not connected yet"));
        try
        {
            await foreach (var change in reader.Events.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (change is RfidReaderStatusChanged status)
                {
                    _links[reader.Name] = new LinkState(
                        status.Status.ToString().ToLowerInvariant(), status.Status == RfidReaderStatus.Connected ? null : status.Reason);
                }
                else if (_feed is not null)
                {
                    await ForwardAsync(change, stoppingToken).ConfigureAwait(false);
                }

                changed.Raise();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task ForwardAsync(RfidReaderEvent change, CancellationToken stoppingToken)
    {
        try
        {
            await _feed!.HandleAsync(change, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RfidReaderException or InvalidOperationException or Sip2Exception)
        {
            // The pad goes on; the circulation reports the item itself when it can.
            LogForwardFailed(logger, ex.GetType().Name, ex.Message);
        }
    }

    private sealed record LinkState(string Status, string? Reason);

    [LoggerMessage(2, LogLevel.Warning, "The circulation could not take a pad event ({Kind}): {Reason}")]
    private static partial void LogForwardFailed(ILogger logger, string kind, string reason);
}
