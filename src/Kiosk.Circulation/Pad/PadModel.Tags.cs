using System.Globalization;
using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Security;
using Kiosk.Ils;
using Kiosk.Devices.Rfid;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Tags;
using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.Pad;

/// <summary>The pad model's tags: reading and decoding each as it lands, grouping parts into items, and forgetting them as they leave.</summary>
internal sealed partial class PadModel
{
    private async Task<PadArrival> ArrivedAsync(TransponderUid uid, int antenna, CancellationToken cancellationToken)
    {
        if (_patronCardUids.Contains(uid))
        {
            Remember(uid, new PadTagReading(uid.ToString(), antenna, null, "patron-card", null, null));
            return new PadArrival(PatronCard: uid.ToString());
        }

        TagDecodeResult decoded;
        try
        {
            var memory = await _reader.ReadTagAsync(uid, cancellationToken).ConfigureAwait(false);
            decoded = LibraryTagCodec.Decode(memory.ToTagMemory());
        }
        catch (RfidReaderException ex)
        {
            // Lifted again before it could be read, or a weak tag: tried again while it stays (the pad reports a lift),
            // and in the end the patron can scan its barcode instead.
            // Logged by the feed once the retry is scheduled.
            Remember(uid, new PadTagReading(uid.ToString(), antenna, null, "unreadable", null, null));
            return new PadArrival(RetryAfter: NextRetry(uid, antenna), ReadFailure: ex.Message);
        }

        lock (_sync)
        {
            _unreadTags.Remove(uid);
        }

        var model = decoded.IsSuccess ? ModelName(decoded.Model) : decoded.Verdict.ToString().ToLowerInvariant();
        if (!decoded.IsSuccess || decoded.Item is not { } tag || string.IsNullOrEmpty(tag.PrimaryItemId))
        {
            LogTagUnreadable(_logger, uid.ToString(), decoded.Reason);
            Remember(uid, new PadTagReading(uid.ToString(), antenna, decoded.Item?.PrimaryItemId, model, decoded.Item?.PartNumber, decoded.Item?.PartsInItem));
            return PadArrival.Nothing;
        }

        if (tag.TypeOfUsage == TypeOfUsage.PatronCard)
        {
            Remember(uid, new PadTagReading(uid.ToString(), antenna, null, "patron-card", null, null));
            return new PadArrival(PatronCard: tag.PrimaryItemId);
        }

        PadItem item;
        bool added;
        bool completeAwaiting;
        lock (_sync)
        {
            _tagsOnPad[uid] = new PadTagReading(uid.ToString(), antenna, tag.PrimaryItemId, model, tag.PartNumber, tag.PartsInItem);
            added = !_items.TryGetValue(tag.PrimaryItemId, out var existing);
            var entry = existing ?? new PadEntry(tag.PrimaryItemId, ++_arrivals) { Title = _titles.GetValueOrDefault(tag.PrimaryItemId) };
            _items[entry.ItemId] = entry;
            entry.Tags[tag.PartNumber] = uid;
            entry.KnownTags[tag.PartNumber] = uid;
            entry.Scanned = false;
            entry.PartsInItem = Math.Max(entry.PartsInItem, tag.PartsInItem);
            entry.Title ??= NullIfEmpty(tag.Title);
            completeAwaiting = entry.AwaitingJournalId is not null && !entry.Switching
                && Enumerable.Range(1, entry.PartsInItem).All(part => !entry.KnownTags.ContainsKey(part) || entry.Tags.ContainsKey(part));
            if (completeAwaiting)
            {
                entry.Switching = true;
            }

            item = entry.ToPadItem(entry.OutcomeSession);
        }

        await _events.PublishAsync(added ? new PadItemAdded(item, _time.GetUtcNow()) : new PadItemUpdated(item, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        if (added)
        {
            _ = DescribeAsync(item.ItemId);
        }

        return completeAwaiting ? new PadArrival(ReturnedItemId: item.ItemId) : PadArrival.Nothing;
    }

    private async Task LeftAsync(TransponderUid uid, CancellationToken cancellationToken)
    {
        PadItem? updated = null;
        string? removed = null;
        lock (_sync)
        {
            _unreadTags.Remove(uid);
            if (!_tagsOnPad.Remove(uid, out var reading) || reading.ItemId is not { } itemId || !_items.TryGetValue(itemId, out var entry))
            {
                return;
            }

            foreach (var part in entry.Tags.Where(pair => pair.Value == uid).Select(pair => pair.Key).ToList())
            {
                entry.Tags.Remove(part);
            }

            if (entry.Tags.Count == 0 && !entry.Scanned && entry.AwaitingJournalId is null && !entry.Switching)
            {
                // Gone from the pad: the next time it lands is a new visit, with nothing remembered of this one.
                _items.Remove(itemId);
                removed = itemId;
            }
            else
            {
                updated = entry.ToPadItem(entry.OutcomeSession);
            }
        }

        if (removed is not null)
        {
            await _events.PublishAsync(new PadItemRemoved(removed, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        else if (updated is not null)
        {
            await _events.PublishAsync(new PadItemUpdated(updated, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The wait before the next read of an unreadable tag, or null when its retries are spent.</summary>
    private TimeSpan? NextRetry(TransponderUid uid, int antenna)
    {
        lock (_sync)
        {
            var attempt = _unreadTags.GetValueOrDefault(uid).Attempts + 1;
            if (attempt > UnreadTagRetries)
            {
                _unreadTags.Remove(uid);
                return null;
            }

            _unreadTags[uid] = (attempt, antenna);
            return UnreadTagRetryDelay * attempt;
        }
    }

    /// <summary>Asks the ILS for an item's title, its number of parts and whether it is on loan (Item Information, 17).</summary>
    private async Task DescribeAsync(string itemId)
    {
        if (!_availability.IsReachable)
        {
            return;
        }

        try
        {
            var info = await _ils.ItemInformationAsync(itemId).ConfigureAwait(false);
            await _availability.AnsweredAsync().ConfigureAwait(false);
            var item = Update(itemId, entry =>
            {
                entry.Title = NullIfEmpty(info.TitleIdentifier) ?? entry.Title;
                RememberTitle(itemId, entry.Title);
                entry.PartsInItem = Math.Max(entry.PartsInItem, PartsFrom(info.ItemProperties) ?? 1);
                entry.IlsSaysOnLoan = entry.LentInSession is null && !entry.ReturnedHere ? SecurityRecovery.IsOnLoan(info) : entry.IlsSaysOnLoan;
            });
            if (item is not null)
            {
                await _events.PublishAsync(new PadItemUpdated(item, _time.GetUtcNow())).ConfigureAwait(false);
            }
        }
        catch (Sip2Exception ex)
        {
            // The item stays listed by its id.
            LogTitleLookupFailed(_logger, itemId, ex.Message);
            await _availability.FailedAsync(ex).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Runs unobserved: a failing sink or store must not go unlogged into the void.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogTitleLookupFailed(_logger, itemId, ex.Message);
        }
    }

    private PadItem? Update(string itemId, Action<PadEntry> change)
    {
        lock (_sync)
        {
            if (!_items.TryGetValue(itemId, out var entry))
            {
                return null;
            }

            change(entry);
            return entry.ToPadItem(entry.OutcomeSession);
        }
    }

    private void Remember(TransponderUid uid, PadTagReading reading)
    {
        lock (_sync)
        {
            _tagsOnPad[uid] = reading;
        }
    }

    private static string ModelName(LibraryTagModel? model) => model switch
    {
        LibraryTagModel.Iso28560Part2 => "iso28560-2",
        LibraryTagModel.Iso28560Part3 => "iso28560-3",
        LibraryTagModel.ThreeM => "3m",
        _ => "unknown",
    };

    /// <summary>Keeps a title for the item's next visit; called under the lock.</summary>
    private void RememberTitle(string itemId, string? title)
    {
        if (title is null)
        {
            return;
        }

        if (_titles.Count >= MaxRememberedTitles)
        {
            _titles.Clear();
        }

        _titles[itemId] = title;
    }

    private static AwaitingLoan AwaitingOf(PadEntry entry) =>
        new(entry.ItemId, entry.Title, entry.AwaitingJournalId!.Value, entry.AwaitingDueDate, entry.AwaitingSession, [.. entry.KnownTags.Values]);

    private static int? PartsFrom(string? itemProperties)
    {
        // "parts=N" in item properties (CH) is how the simulator and some sites tell a set's size; the spec leaves CH free.
        foreach (var entry in (itemProperties ?? string.Empty).Split(';', StringSplitOptions.TrimEntries))
        {
            if (entry.StartsWith("parts=", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(entry.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var parts) && parts is > 0 and < 100)
            {
                return parts;
            }
        }

        return null;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [LoggerMessage(1, LogLevel.Warning, "Tag {Uid} on the pad could not be read as a library item: {Reason}")]
    private static partial void LogTagUnreadable(ILogger logger, string uid, string reason);

    [LoggerMessage(2, LogLevel.Debug, "Title of item {ItemId} not looked up: {Reason}")]
    private static partial void LogTitleLookupFailed(ILogger logger, string itemId, string reason);
}
