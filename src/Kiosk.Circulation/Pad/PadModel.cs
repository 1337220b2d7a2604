using System.Globalization;
using Kiosk.Circulation.Availability;
using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Security;
using Kiosk.Ils;
using Kiosk.Circulation.Transactions;
using Kiosk.Devices.Rfid;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Tags;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Circulation.Pad;

/// <summary>
/// The one model of what lies on the pad: each tag is read and decoded once as it lands, grouped into items (every part
/// of a set), described by the ILS, and forgotten when it leaves. The screen, loans and returns all read this model;
/// transactions record here what they decided about each item, so no book on the pad is ever left without an outcome.
/// </summary>
internal sealed partial class PadModel
{
    /// <summary>The DI key of the pad's reader.</summary>
    public const string ReaderKey = "pad";

    /// <summary>How many more times a tag that arrived unreadable is read while it stays on the pad.</summary>
    internal const int UnreadTagRetries = 3;

    /// <summary>The wait before the first retry; later ones wait twice and three times as long.</summary>
    internal static readonly TimeSpan UnreadTagRetryDelay = TimeSpan.FromMilliseconds(300);

    private readonly IRfidReader _reader;
    private readonly ISip2Client _ils;
    private readonly IlsAvailability _availability;
    private readonly CirculationEventHub _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HashSet<TransponderUid> _patronCardUids;
    private readonly Lock _sync = new();
    private readonly Dictionary<string, PadEntry> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<TransponderUid, PadTagReading> _tagsOnPad = [];

    // Tags that arrived but could not be read yet, with the attempts made: a weak tag, or one read while the stack was
    // still settling, is tried again while it stays on the pad rather than staying invisible until it is lifted.
    private readonly Dictionary<TransponderUid, (int Attempts, int Antenna)> _unreadTags = [];
    private int _arrivals;

    // Titles the ILS gave for items seen on the pad, kept across visits: a book laid down while the ILS is unreachable
    // is still named by its title, not its barcode. Bounded; it starts again rather than grow.
    private const int MaxRememberedTitles = 4096;
    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);

    public PadModel(
        [FromKeyedServices(ReaderKey)] IRfidReader reader,
        ISip2Client ils,
        IlsAvailability availability,
        CirculationEventHub events,
        IOptions<CirculationOptions> options,
        TimeProvider timeProvider,
        ILogger<PadModel> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _reader = reader;
        _ils = ils;
        _availability = availability;
        _events = events;
        _time = timeProvider;
        _logger = logger;
        _patronCardUids = [.. options.Value.PatronCardUids.Select(uid => TransponderUid.TryParse(uid, out var parsed) ? parsed : default)];
    }

    /// <summary>The pad's reader: the security switcher writes through it.</summary>
    public IRfidReader Reader => _reader;

    /// <summary>What lies on the pad or was scanned in, in arrival order, with the decisions made in session <paramref name="context"/>.</summary>
    public IReadOnlyList<PadItem> Items(Guid? context)
    {
        lock (_sync)
        {
            return [.. _items.Values.OrderBy(entry => entry.Order).Select(entry => entry.ToPadItem(context))];
        }
    }

    /// <summary>Takes one event of the pad's reader; other readers' events are ignored.</summary>
    public async Task<PadArrival> ApplyAsync(RfidReaderEvent readerEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readerEvent);
        if (readerEvent.ReaderName != _reader.Name)
        {
            return PadArrival.Nothing;
        }

        switch (readerEvent)
        {
            case RfidTagArrived arrived:
                return await ArrivedAsync(arrived.Uid, arrived.Antenna, cancellationToken).ConfigureAwait(false);
            case RfidTagLeft left:
                await LeftAsync(left.Uid, cancellationToken).ConfigureAwait(false);
                break;
        }

        return PadArrival.Nothing;
    }

    /// <summary>Reads again a tag that could not be read, if it is still on the pad and still unread.</summary>
    public async Task<PadArrival> RetryReadAsync(TransponderUid uid, CancellationToken cancellationToken = default)
    {
        int antenna;
        lock (_sync)
        {
            if (!_unreadTags.TryGetValue(uid, out var unread))
            {
                return PadArrival.Nothing;
            }

            antenna = unread.Antenna;
        }

        return await ArrivedAsync(uid, antenna, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a book without a tag (or whose tag cannot be read) by its scanned barcode.</summary>
    public async Task<PadItem> ScanInAsync(string itemId, Guid? context, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        itemId = itemId.Trim();
        PadItem item;
        bool added;
        lock (_sync)
        {
            added = !_items.TryGetValue(itemId, out var entry);
            if (entry is null)
            {
                entry = new PadEntry(itemId, ++_arrivals) { Title = _titles.GetValueOrDefault(itemId) };
                _items[itemId] = entry;
            }

            entry.Scanned = entry.Tags.Count == 0;
            item = entry.ToPadItem(context);
        }

        if (added)
        {
            await _events.PublishAsync(new PadItemAdded(item, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            _ = DescribeAsync(itemId);
        }

        return item;
    }

    /// <summary>The tags on the pad now, as they were read, ordered by UID.</summary>
    public IReadOnlyList<PadTagReading> Tags()
    {
        lock (_sync)
        {
            return [.. _tagsOnPad.Values.OrderBy(tag => tag.Uid, StringComparer.Ordinal)];
        }
    }

    /// <summary>Whether a tag lies on the pad now.</summary>
    public bool OnPad(TransponderUid uid)
    {
        lock (_sync)
        {
            return _tagsOnPad.ContainsKey(uid);
        }
    }

    /// <summary>
    /// Takes for a transaction every item nothing else is being done to, in arrival order, marking each pending in
    /// session <paramref name="context"/>; the decisions shown before are cleared.
    /// </summary>
    public IReadOnlyList<PadWork> Take(Guid? context)
    {
        lock (_sync)
        {
            var taken = new List<PadWork>();
            foreach (var entry in _items.Values.Where(entry => entry.Free).OrderBy(entry => entry.Order))
            {
                entry.Progress = ItemProgress.Pending;
                entry.Outcome = null;
                entry.OutcomeSession = context;
                taken.Add(new PadWork(
                    entry.ToPadItem(context),
                    [.. entry.Tags.OrderBy(pair => pair.Key).Select(pair => pair.Value)],
                    entry.LentInSession,
                    entry.ReturnedHere,
                    entry.IlsSaysOnLoan));
            }

            return taken;
        }
    }

    /// <summary>The item's loan or return is being carried out now.</summary>
    public void Working(string itemId) => Update(itemId, entry => entry.Progress = ItemProgress.Working);

    /// <summary>
    /// Records the decision about an item taken by <see cref="Take"/>. A done loan marks it lent in
    /// <paramref name="lentIn"/>, a done return marks it returned, so neither is carried out twice in this visit.
    /// </summary>
    public async Task DecideAsync(ItemOutcome outcome, Guid? lentIn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var item = Update(outcome.ItemId, entry =>
        {
            entry.Outcome = outcome;
            entry.Progress = outcome.Status is ItemOutcomeStatus.Refused ? ItemProgress.Refused : ItemProgress.Done;
            entry.Title ??= outcome.Title;
            if (outcome.Succeeded && outcome.Operation == CirculationOperation.Checkout)
            {
                entry.LentInSession = lentIn;
                entry.ReturnedHere = false;
            }
            else if (outcome.Operation == CirculationOperation.Return && outcome.Status is ItemOutcomeStatus.Done or ItemOutcomeStatus.NotOnLoan)
            {
                entry.ReturnedHere = true;
                entry.LentInSession = null;
                entry.IlsSaysOnLoan = false;
            }
        });
        if (item is not null)
        {
            await _events.PublishAsync(new PadItemUpdated(item, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A loan whose book was lifted before its switch: it stays listed, "put it back", until it returns or the session ends.</summary>
    public PadItem? AwaitReturn(PadWork work, long journalId, DateTimeOffset? dueDate, Guid sessionId, ItemOutcome outcome)
    {
        lock (_sync)
        {
            if (!_items.TryGetValue(work.ItemId, out var entry))
            {
                // The pad reported the book gone, and dropped it, before the switch gave up: it comes back to the list.
                entry = new PadEntry(work.ItemId, ++_arrivals) { Title = work.Item.Title, PartsInItem = work.Item.PartsInItem };
                _items[work.ItemId] = entry;
            }

            foreach (var (part, uid) in work.Tags.Select((uid, i) => (work.Item.PartsPresent.ElementAtOrDefault(i), uid)))
            {
                entry.KnownTags.TryAdd(part == 0 ? 1 : part, uid);
            }

            entry.AwaitingJournalId = journalId;
            entry.AwaitingDueDate = dueDate;
            entry.AwaitingSession = sessionId;
            entry.Outcome = outcome;
            entry.OutcomeSession = sessionId;
            entry.Progress = ItemProgress.Done;
            return entry.ToPadItem(sessionId);
        }
    }

    /// <summary>The loans of <paramref name="sessionId"/> still waiting for their book, claimed so nothing else switches them meanwhile.</summary>
    public IReadOnlyList<AwaitingLoan> ClaimAwaiting(Guid sessionId)
    {
        lock (_sync)
        {
            var claimed = new List<AwaitingLoan>();
            foreach (var entry in _items.Values.Where(entry => entry.AwaitingSession == sessionId && entry.AwaitingJournalId is not null && !entry.Switching))
            {
                entry.Switching = true;
                claimed.Add(AwaitingOf(entry));
            }

            return claimed;
        }
    }

    /// <summary>Claims the awaiting loan of an item whose book came back whole, or null when there is none to finish.</summary>
    public AwaitingLoan? ClaimReturned(string itemId)
    {
        lock (_sync)
        {
            if (!_items.TryGetValue(itemId, out var entry) || entry.AwaitingJournalId is null || !entry.Switching)
            {
                return null;
            }

            return AwaitingOf(entry);
        }
    }

    /// <summary>Ends the wait of an awaiting loan: lent (its book is back and switched) or not (secured and undone).</summary>
    public async Task SettleAwaitingAsync(string itemId, ItemOutcome? outcome, CancellationToken cancellationToken = default)
    {
        PadItem? item = null;
        bool removed = false;
        lock (_sync)
        {
            if (_items.TryGetValue(itemId, out var entry))
            {
                if (outcome is not null)
                {
                    entry.Outcome = outcome;
                    entry.Progress = outcome.Succeeded ? ItemProgress.Done : ItemProgress.Refused;
                    entry.LentInSession = outcome.Succeeded ? entry.AwaitingSession : null;
                }

                entry.AwaitingJournalId = null;
                entry.AwaitingSession = null;
                entry.Switching = false;
                if (entry.Tags.Count == 0 && !entry.Scanned)
                {
                    _items.Remove(itemId);
                    removed = true;
                }
                else
                {
                    item = entry.ToPadItem(entry.OutcomeSession);
                }
            }
        }

        if (removed)
        {
            await _events.PublishAsync(new PadItemRemoved(itemId, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        else if (item is not null)
        {
            await _events.PublishAsync(new PadItemUpdated(item, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The switch of an awaiting loan stopped short (its book was lifted again): it keeps waiting.</summary>
    public void ReleaseAwaiting(string itemId) => Update(itemId, entry => entry.Switching = false);

    /// <summary>
    /// A session ended: scanned books belong to it and go; the books still on the pad that it did not borrow are named,
    /// so the screen can ask the patron to leave them. The decisions shown stay with the ended session.
    /// </summary>
    public IReadOnlyList<PadItem> SessionEnded(Guid sessionId)
    {
        lock (_sync)
        {
            var left = new List<PadItem>();
            foreach (var entry in _items.Values.OrderBy(entry => entry.Order).ToList())
            {
                if (entry.Tags.Count == 0 && entry.AwaitingJournalId is null)
                {
                    _items.Remove(entry.ItemId);
                    continue;
                }

                if (entry.Tags.Count > 0 && entry.LentInSession != sessionId && entry.AwaitingJournalId is null)
                {
                    left.Add(entry.ToPadItem(null));
                }
            }

            return left;
        }
    }
}
