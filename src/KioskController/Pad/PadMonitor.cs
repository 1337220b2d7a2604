using System.Collections.Concurrent;
using Kiosk.Devices.Rfid;
using Kiosk.Protocols.Tags;

namespace KioskController.Pad;

/// <summary>
/// Follows every reader's events and keeps what lies on each field, reading and decoding each tag as it arrives, so
/// the screen can show each book as it lands. Tags are identified by item id; no patron data passes through here.
/// </summary>
internal sealed partial class PadMonitor(RfidReaderRegistry registry, Live.StatusChangeSignal changed, IServiceProvider services, ILogger<PadMonitor> logger) : BackgroundService
{
    // The reader's event channel has one consumer, this monitor, so it hands every event to the circulation kiosk too.
    private readonly Kiosk.Circulation.Sessions.ICirculationKiosk? _circulation = services.GetService<Kiosk.Circulation.Sessions.ICirculationKiosk>();

    private readonly ConcurrentDictionary<string, ReaderState> _readers = new(StringComparer.Ordinal);

    /// <summary>Every reader's state now.</summary>
    public IReadOnlyList<ReaderSnapshot> Snapshot() =>
        [.. registry.Readers.Select(reader => _readers.TryGetValue(reader.Name, out var state)
            ? state.ToSnapshot(reader.Name)
            : new ReaderSnapshot(reader.Name, "disconnected", "not started yet", []))];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(registry.Readers.Select(reader => FollowAsync(reader, stoppingToken)));

    private async Task FollowAsync(RfidReaderService reader, CancellationToken stoppingToken)
    {
        var state = _readers.GetOrAdd(reader.Name, _ => new ReaderState());
        try
        {
            await foreach (var change in reader.Events.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (_circulation is not null)
                {
                    await ForwardAsync(change, stoppingToken).ConfigureAwait(false);
                }

                switch (change)
                {
                    case RfidTagArrived arrived:
                        state.Tags[arrived.Uid.ToString()] = await DescribeAsync(reader, arrived, stoppingToken).ConfigureAwait(false);
                        break;
                    case RfidTagLeft left:
                        state.Tags.TryRemove(left.Uid.ToString(), out _);
                        break;
                    case RfidReaderStatusChanged status:
                        state.Status = status.Status.ToString().ToLowerInvariant();
                        state.Reason = status.Status == RfidReaderStatus.Connected ? null : status.Reason;
                        break;
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
            await _circulation!.HandleReaderEventAsync(change, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RfidReaderException or InvalidOperationException or Kiosk.Ils.Sip2Exception)
        {
            // The pad goes on; the circulation kiosk reports the item itself when it can.
            Log.ForwardFailed(logger, ex.GetType().Name, ex.Message);
        }
    }

    private async Task<PadTag> DescribeAsync(RfidReaderService reader, RfidTagArrived arrived, CancellationToken cancellationToken)
    {
        try
        {
            var memory = await reader.ReadTagAsync(arrived.Uid, cancellationToken).ConfigureAwait(false);
            var decoded = LibraryTagCodec.Decode(memory.ToTagMemory());
            return new PadTag(
                arrived.Uid.ToString(),
                arrived.Antenna,
                decoded.Item?.PrimaryItemId,
                decoded.IsSuccess ? ModelName(decoded.Model) : decoded.Verdict.ToString().ToLowerInvariant(),
                decoded.Item?.PartNumber,
                decoded.Item?.PartsInItem);
        }
        catch (RfidReaderException ex)
        {
            // The book may have been lifted again before it could be read; it stays listed by UID until it leaves.
            Log.TagUnreadable(logger, reader.Name, arrived.Uid.ToString(), ex.Message);
            return new PadTag(arrived.Uid.ToString(), arrived.Antenna, null, "unreadable", null, null);
        }
    }

    private static string ModelName(LibraryTagModel? model) => model switch
    {
        LibraryTagModel.Iso28560Part2 => "iso28560-2",
        LibraryTagModel.Iso28560Part3 => "iso28560-3",
        LibraryTagModel.ThreeM => "3m",
        _ => "unknown",
    };

    private sealed class ReaderState
    {
        public ConcurrentDictionary<string, PadTag> Tags { get; } = new(StringComparer.Ordinal);

        public string Status { get; set; } = "disconnected";

        public string? Reason { get; set; } = "not connected yet";

        public ReaderSnapshot ToSnapshot(string name) => new(name, Status, Reason, [.. Tags.Values.OrderBy(t => t.Uid, StringComparer.Ordinal)]);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Reader {Reader}: tag {Uid} arrived but could not be read: {Reason}")]
        public static partial void TagUnreadable(ILogger logger, string reader, string uid, string reason);

        [LoggerMessage(2, LogLevel.Warning, "The circulation kiosk could not take a pad event ({Kind}): {Reason}")]
        public static partial void ForwardFailed(ILogger logger, string kind, string reason);
    }
}
