using System.Globalization;
using System.Text.RegularExpressions;
using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Offline;
using Kiosk.Circulation.Security;
using Kiosk.Ils;
using Kiosk.Devices.Rfid;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;
using Kiosk.Protocols.Tags;
using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.Sessions;

/// <summary>
/// The kiosk's circulation rules over one pad: sign-in, the pad's items, loans, returns, renewals, the idle timeout
/// and the offline mode. The ordering of every security switch lives in <see cref="SecuritySwitcher"/>; this class
/// decides what to lend, return or refuse, and tells the patron.
/// </summary>
internal sealed class CirculationKiosk : ICirculationKiosk, IDisposable
{
    private readonly CirculationOptions _options;
    private readonly ISip2Client _ils;
    private readonly IRfidReader _pad;
    private readonly ISecurityJournal _journal;
    private readonly IOfflineTransactionStore _offline;
    private readonly CirculationEventHub _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Regex[] _offlineCardPatterns;
    private readonly HashSet<TransponderUid> _patronCardUids;
    private readonly ITimer _idleTimer;
    private readonly ITimer _probeTimer;
    private readonly Lock _sync = new();
    private readonly Dictionary<string, PadEntry> _items = new(StringComparer.Ordinal);
    /// <summary>How many more times a tag that arrived unreadable is read while it stays on the pad.</summary>
    internal const int UnreadTagRetries = 3;

    /// <summary>The wait before the first retry; later ones wait twice and three times as long.</summary>
    internal static readonly TimeSpan UnreadTagRetryDelay = TimeSpan.FromMilliseconds(300);

    private readonly Dictionary<TransponderUid, string?> _tagsOnPad = [];

    // Tags that arrived but could not be read yet, with the attempts made: a weak tag, or one read while the stack was
    // still settling, is tried again while it stays on the pad rather than staying invisible until it is lifted.
    private readonly Dictionary<TransponderUid, int> _unreadTags = [];
    private int _arrivals;
    private PatronSession? _session;
    private PendingSignIn? _pending;
    private int _busy;

    // 1 once a request found the ILS unreachable, until one gets through. The client's own status only turns off-line
    // when no pooled connection is left open, which stale connections to a vanished ILS can delay.
    private int _ilsDown;

    public CirculationKiosk(
        CirculationOptions options,
        ISip2Client ils,
        IRfidReader pad,
        ISecurityJournal journal,
        IOfflineTransactionStore offline,
        CirculationEventHub events,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options;
        _ils = ils;
        _pad = pad;
        _journal = journal;
        _offline = offline;
        _events = events;
        _time = timeProvider;
        _logger = loggerFactory.CreateLogger<CirculationKiosk>();
        _offlineCardPatterns = [.. options.OfflineCardPatterns.Select(pattern =>
            new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))];
        _patronCardUids = [.. options.PatronCardUids.Select(uid => TransponderUid.TryParse(uid, out var parsed) ? parsed : default)];
        var securityLogger = loggerFactory.CreateLogger<SecuritySwitcher>();
        Switcher = new SecuritySwitcher(journal, offline, ils, pad, events, timeProvider, options.SecuritySwitchRetries, securityLogger);
        Recovery = new SecurityRecovery(journal, offline, ils, Switcher, events, timeProvider, securityLogger);
        Replayer = new OfflineReplayer(offline, ils, events, timeProvider, loggerFactory.CreateLogger<OfflineReplayer>());
        _idleTimer = timeProvider.CreateTimer(_ => OnIdleTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _probeTimer = timeProvider.CreateTimer(_ => _ = ProbeAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _ils.StatusChanged += OnIlsStatusChanged;
    }

    /// <summary>The switch ordering, exposed to tests for its crash seam.</summary>
    internal SecuritySwitcher Switcher { get; }

    internal SecurityRecovery Recovery { get; }

    internal OfflineReplayer Replayer { get; }

    /// <summary>The replay started by the ILS coming back, for tests to await.</summary>
    internal Task LastReplay { get; private set; } = Task.CompletedTask;

    public KioskSnapshot Snapshot
    {
        get
        {
            lock (_sync)
            {
                var state = _session is null
                    ? _pending is null ? SessionState.NoSession : SessionState.AwaitingPin
                    : _session.IdleWarningEndsAt is null ? SessionState.Active : SessionState.IdleWarning;
                return new KioskSnapshot(
                    state,
                    _session?.Id,
                    IlsReachable,
                    _options.OfflineLoansAllowed,
                    _session?.IdleWarningEndsAt,
                    _session?.Blocks ?? _pending?.Blocks ?? [],
                    [.. _items.Values.OrderBy(entry => entry.Order).Select(entry => entry.ToPadItem())]);
            }
        }
    }

    public async Task<int> RecoverAsync(CancellationToken cancellationToken = default)
    {
        var recovered = await Recovery.RecoverAsync(cancellationToken).ConfigureAwait(false);
        if (IlsReachable)
        {
            await Replayer.ReplayAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!IlsReachable || !Replayer.LastRunComplete)
        {
            // Queued transactions wait for the ILS: the probe finds it and replays them.
            IlsDown("the off-line queue could not be replayed at start");
        }

        return recovered;
    }

    public async Task HandleReaderEventAsync(RfidReaderEvent readerEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readerEvent);
        if (readerEvent.ReaderName != _pad.Name)
        {
            return;
        }

        switch (readerEvent)
        {
            case RfidTagArrived arrived:
                await TagArrivedAsync(arrived.Uid, cancellationToken).ConfigureAwait(false);
                break;
            case RfidTagLeft left:
                TagLeft(left.Uid);
                break;
        }
    }

    public async Task<SignInResult> SignInAsync(string cardNumber, SignInMethod method, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cardNumber);
        cardNumber = cardNumber.Trim();
        PatronSession? previous;
        lock (_sync)
        {
            previous = _session;
            _pending = null;
        }

        if (previous is not null)
        {
            if (previous.CardNumber == cardNumber)
            {
                KeepAlive();
                return new SignInResult(SignInStatus.SignedIn, null, previous.Blocks, previous.Offline);
            }

            await EndAsync(SessionEndReason.AnotherCard, cancellationToken).ConfigureAwait(false);
        }

        PatronInformationResponse info;
        try
        {
            if (_ils.Status == Sip2LinkStatus.Offline)
            {
                return StartOffline(cardNumber, method);
            }

            info = await _ils.PatronInformationAsync(cardNumber, cancellationToken: cancellationToken).ConfigureAwait(false);
            IlsAnswered();
        }
        catch (Sip2Exception ex) when (ex.Kind != Sip2FailureKind.Cancelled)
        {
            IlsFailed(ex);
            return StartOffline(cardNumber, method);
        }

        if (info.ValidPatron == false)
        {
            return Refuse(RefusalReason.PatronNotFound, []);
        }

        var blocks = PatronBlocks.From(info.PatronStatus);
        if (PatronBlocks.StopsSignIn(blocks))
        {
            return Refuse(RefusalReason.PatronBlocked, blocks);
        }

        var pinNeeded = _options.PinRequirement switch
        {
            PinRequirement.Always => true,
            PinRequirement.Never => false,

            // Without AD, an ILS that checks passwords answers CQ = N (spec, "valid patron password"); one that does not omits CQ.
            _ => info.ValidPatronPassword == false,
        };
        if (pinNeeded)
        {
            lock (_sync)
            {
                _pending = new PendingSignIn(cardNumber, method, blocks);

                // A patron who walks away at the PIN prompt must not leave the card waiting for the next person to guess.
                _idleTimer.Change(_options.IdleWarningAfter + _options.IdleGrace, Timeout.InfiniteTimeSpan);
            }

            _events.Publish(new PinRequested(1, _time.GetUtcNow()));
            return new SignInResult(SignInStatus.PinRequired, null, blocks, false, _options.MaxPinAttempts);
        }

        return Start(cardNumber, null, method, blocks, offline: false);
    }

    public async Task<SignInResult> SubmitPinAsync(string pin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pin);
        PendingSignIn pending;
        lock (_sync)
        {
            pending = _pending ?? throw new InvalidOperationException("No card is waiting for a PIN; present the card first.");
        }

        PatronInformationResponse info;
        try
        {
            info = await _ils.PatronInformationAsync(pending.CardNumber, pin, cancellationToken: cancellationToken).ConfigureAwait(false);
            IlsAnswered();
        }
        catch (Sip2Exception ex) when (ex.Kind != Sip2FailureKind.Cancelled)
        {
            IlsFailed(ex);
            lock (_sync)
            {
                _pending = null;
            }

            return Refuse(RefusalReason.IlsUnreachable, pending.Blocks);
        }

        if (info.ValidPatronPassword != true)
        {
            int left;
            lock (_sync)
            {
                pending.WrongAttempts++;
                left = _options.MaxPinAttempts - pending.WrongAttempts;
                if (left <= 0)
                {
                    _pending = null;
                }
                else
                {
                    _idleTimer.Change(_options.IdleWarningAfter + _options.IdleGrace, Timeout.InfiniteTimeSpan);
                }
            }

            if (left > 0)
            {
                _events.Publish(new PinRequested(pending.WrongAttempts + 1, _time.GetUtcNow()));
            }

            _events.Publish(new SignInRefused(RefusalReason.PinWrong, [], _time.GetUtcNow()));
            return new SignInResult(SignInStatus.Refused, RefusalReason.PinWrong, pending.Blocks, false, Math.Max(left, 0));
        }

        lock (_sync)
        {
            _pending = null;
        }

        return Start(pending.CardNumber, pin, pending.Method, PatronBlocks.From(info.PatronStatus), offline: false);
    }

    public async Task<PatronAccount> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        var session = RequireSession();
        KeepAlive();
        if (session.Offline)
        {
            throw new InvalidOperationException("The account cannot be shown while the ILS is unreachable.");
        }

        try
        {
            // The spec asks for one summary category per request, so three requests, in parallel over the pool.
            var charged = _ils.PatronInformationAsync(session.CardNumber, session.Pin, Sip2SummaryRequest.ChargedItems, cancellationToken: cancellationToken);
            var overdue = _ils.PatronInformationAsync(session.CardNumber, session.Pin, Sip2SummaryRequest.OverdueItems, cancellationToken: cancellationToken);
            var holds = _ils.PatronInformationAsync(session.CardNumber, session.Pin, Sip2SummaryRequest.HoldItems, cancellationToken: cancellationToken);
            await Task.WhenAll(charged, overdue, holds).ConfigureAwait(false);
            var overdueIds = overdue.Result.OverdueItems.ToHashSet(StringComparer.Ordinal);
            var now = _time.GetUtcNow();
            var loans = await Task.WhenAll(charged.Result.ChargedItems.Select(async itemId =>
            {
                var item = await _ils.ItemInformationAsync(itemId, cancellationToken).ConfigureAwait(false);
                var due = ParseDate(item.DueDate);
                return new AccountLoan(itemId, NullIfEmpty(item.TitleIdentifier), due, overdueIds.Contains(itemId) || due < now);
            })).ConfigureAwait(false);
            var holdList = await Task.WhenAll(holds.Result.HoldItems.Select(async itemId =>
            {
                var item = await _ils.ItemInformationAsync(itemId, cancellationToken).ConfigureAwait(false);
                return new AccountHold(itemId, NullIfEmpty(item.TitleIdentifier));
            })).ConfigureAwait(false);
            var fines = decimal.TryParse(charged.Result.FeeAmount, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : (decimal?)null;
            return new PatronAccount(
                [.. loans.OrderBy(loan => loan.DueDate ?? DateTimeOffset.MaxValue)],
                holdList,
                fines,
                charged.Result.CurrencyType,
                PatronBlocks.From(charged.Result.PatronStatus));
        }
        catch (Sip2Exception ex)
        {
            throw new InvalidOperationException("The ILS could not be reached to show the account (" + ex.Message + "); try again in a moment.", ex);
        }
    }

    public Task<PadItem> ScanItemAsync(string itemId, CancellationToken cancellationToken = default)
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
                entry = new PadEntry(itemId, ++_arrivals);
                _items[itemId] = entry;
            }

            entry.Scanned = entry.Tags.Count == 0;
            item = entry.ToPadItem();
        }

        TouchIfSignedIn();
        if (added)
        {
            _events.Publish(new PadItemAdded(item, _time.GetUtcNow()));
            _ = DescribeAsync(itemId);
        }

        return Task.FromResult(item);
    }

    public async Task<IReadOnlyList<ItemOutcome>> ConfirmBorrowAsync(CancellationToken cancellationToken = default)
    {
        var session = RequireSession();

        // A loan in progress is activity: the idle timeout waits for it.
        Interlocked.Increment(ref _busy);
        try
        {
            return await BorrowAsync(session, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _busy);
        }
    }

    public async Task<IReadOnlyList<ItemOutcome>> ReturnAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _busy);
        try
        {
            return await TakeBackAllAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _busy);
        }
    }

    private async Task<IReadOnlyList<ItemOutcome>> BorrowAsync(PatronSession session, CancellationToken cancellationToken)
    {
        KeepAlive();
        var outcomes = new List<ItemOutcome>();
        var work = new List<Task<ItemOutcome>>();
        var offline = session.Offline || !IlsReachable;
        foreach (var entry in Candidates())
        {
            var (item, tags, missing) = Describe(entry);
            if (PatronSession.BorrowingBlocked(session.Blocks))
            {
                outcomes.Add(Refused(session.Id, item, CirculationOperation.Checkout, RefusalReason.PatronBlocked));
                continue;
            }

            if (missing.Count > 0)
            {
                _events.Publish(new SetIncomplete(session.Id, item.ItemId, item.PartsInItem, missing, _options.SetPolicy == SetPolicy.Refuse, _time.GetUtcNow()));
                if (_options.SetPolicy == SetPolicy.Refuse)
                {
                    outcomes.Add(Refused(session.Id, item, CirculationOperation.Checkout, RefusalReason.SetIncomplete, missing));
                    continue;
                }
            }

            if (offline)
            {
                if (!_options.OfflineLoansAllowed)
                {
                    outcomes.Add(Refused(session.Id, item, CirculationOperation.Checkout, RefusalReason.IlsUnreachable));
                    continue;
                }

                bool overLimit;
                lock (_sync)
                {
                    overLimit = session.OfflineLoans >= _options.OfflineMaxItems;
                    if (!overLimit)
                    {
                        session.OfflineLoans++;
                    }
                }

                if (overLimit)
                {
                    outcomes.Add(Refused(session.Id, item, CirculationOperation.Checkout, RefusalReason.OfflineLimitReached));
                    continue;
                }
            }

            work.Add(LendAsync(session, entry, item, tags, missing, offline, cancellationToken));
        }

        outcomes.AddRange(await Task.WhenAll(work).ConfigureAwait(false));
        KeepAlive();
        return outcomes;
    }

    private async Task<IReadOnlyList<ItemOutcome>> TakeBackAllAsync(CancellationToken cancellationToken)
    {
        TouchIfSignedIn();
        var work = new List<Task<ItemOutcome>>();
        var outcomes = new List<ItemOutcome>();
        Guid? sessionId;
        lock (_sync)
        {
            sessionId = _session?.Id;
        }

        foreach (var entry in Candidates())
        {
            var (item, tags, missing) = Describe(entry);
            if (missing.Count > 0)
            {
                // Always refused, whatever the site's set policy: checking the item in would leave the missing part's
                // tag switched off for an item the ILS thinks is back, against the safety invariant.
                _events.Publish(new SetIncomplete(sessionId, item.ItemId, item.PartsInItem, missing, true, _time.GetUtcNow()));
                outcomes.Add(Refused(sessionId, item, CirculationOperation.Return, RefusalReason.SetIncomplete, missing));
                continue;
            }

            work.Add(TakeBackAsync(sessionId, entry, item, tags, cancellationToken));
        }

        outcomes.AddRange(await Task.WhenAll(work).ConfigureAwait(false));
        TouchIfSignedIn();
        return outcomes;
    }

    public async Task<ItemOutcome> RenewAsync(string itemId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        var session = RequireSession();
        KeepAlive();
        if (session.Offline)
        {
            return Refused(session.Id, new PadItem(itemId, null, 1, [], true, false), CirculationOperation.Renew, RefusalReason.IlsUnreachable);
        }

        RenewResponse answer;
        try
        {
            answer = await _ils.RenewAsync(session.CardNumber, itemId, session.Pin, cancellationToken: cancellationToken).ConfigureAwait(false);
            IlsAnswered();
        }
        catch (Sip2Exception ex) when (ex.Kind != Sip2FailureKind.Cancelled)
        {
            IlsFailed(ex);
            return Refused(session.Id, new PadItem(itemId, null, 1, [], true, false), CirculationOperation.Renew, RefusalReason.IlsUnreachable);
        }

        var title = NullIfEmpty(answer.TitleIdentifier);
        if (!answer.Ok)
        {
            _events.Publish(new ItemRefused(session.Id, itemId, CirculationOperation.Renew, RefusalReason.IlsRefused, _time.GetUtcNow()));
            return new ItemOutcome(itemId, title, CirculationOperation.Renew, ItemOutcomeStatus.Refused, RefusalReason.IlsRefused, IlsMessage: Message(answer.ScreenMessages));
        }

        var due = ParseDate(answer.DueDate);
        _events.Publish(new ItemRenewed(session.Id, itemId, due, _time.GetUtcNow()));
        return new ItemOutcome(itemId, title, CirculationOperation.Renew, ItemOutcomeStatus.Done, DueDate: due, IlsMessage: Message(answer.ScreenMessages));
    }

    public async Task<IReadOnlyList<ItemOutcome>> RenewAllAsync(CancellationToken cancellationToken = default)
    {
        var session = RequireSession();
        KeepAlive();
        if (session.Offline)
        {
            throw new InvalidOperationException("Loans cannot be renewed while the ILS is unreachable; try again when the kiosk is back on-line.");
        }

        RenewAllResponse answer;
        try
        {
            answer = await _ils.RenewAllAsync(session.CardNumber, session.Pin, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Sip2Exception ex) when (ex.Kind != Sip2FailureKind.Cancelled)
        {
            throw new InvalidOperationException("The ILS could not be reached to renew (" + ex.Message + "); try again in a moment.", ex);
        }

        var now = _time.GetUtcNow();
        var outcomes = new List<ItemOutcome>();
        foreach (var itemId in answer.RenewedItems)
        {
            // Renew All (66) lists the items but not their new due dates; the account shows them.
            _events.Publish(new ItemRenewed(session.Id, itemId, null, now));
            outcomes.Add(new ItemOutcome(itemId, null, CirculationOperation.Renew, ItemOutcomeStatus.Done));
        }

        foreach (var itemId in answer.UnrenewedItems)
        {
            _events.Publish(new ItemRefused(session.Id, itemId, CirculationOperation.Renew, RefusalReason.IlsRefused, now));
            outcomes.Add(new ItemOutcome(itemId, null, CirculationOperation.Renew, ItemOutcomeStatus.Refused, RefusalReason.IlsRefused, IlsMessage: Message(answer.ScreenMessages)));
        }

        return outcomes;
    }

    public void KeepAlive()
    {
        lock (_sync)
        {
            if (_session is null)
            {
                return;
            }

            _session.IdleWarningEndsAt = null;
            _idleTimer.Change(_options.IdleWarningAfter, Timeout.InfiniteTimeSpan);
        }
    }

    public Task EndSessionAsync(CancellationToken cancellationToken = default) => EndAsync(SessionEndReason.Patron, cancellationToken);

    public Task<int> ReplayOfflineAsync(CancellationToken cancellationToken = default) => Replayer.ReplayAsync(cancellationToken);

    public async Task<StaffList> StaffListAsync(CancellationToken cancellationToken = default) =>
        new(await _journal.NeedingStaffAsync(cancellationToken).ConfigureAwait(false), await _offline.ConflictsAsync(cancellationToken).ConfigureAwait(false));

    public async Task<bool> ResolveSecurityEntryAsync(long id, CancellationToken cancellationToken = default)
    {
        var entry = (await _journal.NeedingStaffAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(listed => listed.Id == id);
        if (entry is null || !await _journal.ResolveAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        Log.SecurityEntryResolved(_logger, id, entry.ItemId);
        _events.Publish(new SecurityEntryResolved(id, entry.Operation, entry.ItemId, _time.GetUtcNow()));
        return true;
    }

    public async Task<bool> ResolveOfflineConflictAsync(long id, CancellationToken cancellationToken = default)
    {
        var conflict = (await _offline.ConflictsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(listed => listed.Id == id);
        if (conflict is null || !await _offline.ResolveAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        Log.OfflineConflictResolved(_logger, id, conflict.ItemId);
        _events.Publish(new OfflineConflictResolved(id, conflict.Kind, conflict.ItemId, conflict.Conflict, _time.GetUtcNow()));
        return true;
    }

    public void Dispose()
    {
        _ils.StatusChanged -= OnIlsStatusChanged;
        _idleTimer.Dispose();
        _probeTimer.Dispose();
        Replayer.Dispose();
    }

    private async Task<ItemOutcome> LendAsync(
        PatronSession session, PadEntry entry, PadItem item, IReadOnlyList<TransponderUid> tags, IReadOnlyList<int> missing, bool offline, CancellationToken cancellationToken)
    {
        var attempt = offline
            ? await Switcher.OfflineCheckoutAsync(session.CardNumber, item.ItemId, tags, OnPad, cancellationToken).ConfigureAwait(false)
            : await Switcher.CheckoutAsync(session.CardNumber, session.Pin, item.ItemId, tags, OnPad, cancellationToken).ConfigureAwait(false);
        var title = item.Title ?? NullIfEmpty(attempt.Response?.TitleIdentifier);
        if (attempt.Response is not null)
        {
            IlsAnswered();
        }

        if (attempt.IlsError is not null)
        {
            IlsFailed(attempt.IlsError);
            return Refused(session.Id, item with { Title = title }, CirculationOperation.Checkout, RefusalReason.IlsUnreachable);
        }

        if (attempt.Response is { Ok: false } refusal)
        {
            var outcome = Refused(session.Id, item with { Title = title }, CirculationOperation.Checkout, RefusalReason.IlsRefused);
            return outcome with { IlsMessage = Message(refusal.ScreenMessages) };
        }

        var due = ParseDate(attempt.Response?.DueDate);
        if (attempt.Undone)
        {
            return Refused(session.Id, item with { Title = title }, CirculationOperation.Checkout, RefusalReason.SecuritySwitchFailed);
        }

        if (attempt.Switch is { Verified: false })
        {
            lock (_sync)
            {
                entry.AwaitingJournalId = attempt.JournalId;
                entry.AwaitingDueDate = due;

                // The pad may have reported the book gone, and dropped it from the list, before the switch gave up:
                // it stays listed, "put it back", until it returns or the session ends.
                _items[entry.ItemId] = entry;
                session.Awaiting.Add((entry, attempt.JournalId));
            }

            Log.RemovedBeforeSwitch(_logger, item.ItemId);
            _events.Publish(new ItemRemovedBeforeSwitch(session.Id, item.ItemId, _time.GetUtcNow()));
            _events.Publish(new PadItemUpdated(ItemOf(entry), _time.GetUtcNow()));
            return new ItemOutcome(item.ItemId, title, CirculationOperation.Checkout, ItemOutcomeStatus.PutItBack, RefusalReason.RemovedBeforeSwitch, due, Offline: offline);
        }

        lock (_sync)
        {
            entry.Finished = true;
        }

        _events.Publish(new ItemCheckedOut(session.Id, item.ItemId, due, offline, _time.GetUtcNow()));
        return new ItemOutcome(
            item.ItemId,
            title,
            CirculationOperation.Checkout,
            missing.Count > 0 ? ItemOutcomeStatus.DoneWithWarning : ItemOutcomeStatus.Done,
            missing.Count > 0 ? RefusalReason.SetIncomplete : null,
            due,
            missing.Count > 0 ? missing : null,
            offline,
            Message(attempt.Response?.ScreenMessages ?? []));
    }

    private async Task<ItemOutcome> TakeBackAsync(
        Guid? sessionId, PadEntry entry, PadItem item, IReadOnlyList<TransponderUid> tags, CancellationToken cancellationToken)
    {
        var attempt = await Switcher.ReturnAsync(item.ItemId, tags, OnPad, cancellationToken).ConfigureAwait(false);
        var title = item.Title ?? NullIfEmpty(attempt.Response?.TitleIdentifier);
        if (attempt.Response is not null)
        {
            IlsAnswered();
        }
        else if (attempt.Queued)
        {
            IlsDown("a return could not reach the ILS and was queued");
        }
        if (!attempt.Switch.Verified)
        {
            var reason = attempt.Switch.Failed.Count > 0 ? RefusalReason.SecuritySwitchFailed : RefusalReason.RemovedBeforeSwitch;
            return Refused(sessionId, item with { Title = title }, CirculationOperation.Return, reason);
        }

        if (attempt.Response is { Ok: false } refusal)
        {
            var outcome = Refused(sessionId, item with { Title = title }, CirculationOperation.Return, RefusalReason.IlsRefused);
            return outcome with { IlsMessage = Message(refusal.ScreenMessages) };
        }

        lock (_sync)
        {
            entry.Finished = true;
        }

        var sortBin = attempt.Response?.SortBin;
        _events.Publish(new ItemReturned(item.ItemId, attempt.Queued, sortBin, _time.GetUtcNow()));
        return new ItemOutcome(
            item.ItemId,
            title,
            CirculationOperation.Return,
            ItemOutcomeStatus.Done,
            Offline: attempt.Queued,
            IlsMessage: Message(attempt.Response?.ScreenMessages ?? []),
            SortBin: sortBin);
    }

    private async Task TagArrivedAsync(TransponderUid uid, CancellationToken cancellationToken)
    {
        if (_patronCardUids.Contains(uid))
        {
            RememberTag(uid, null);
            await SignInAsync(uid.ToString(), SignInMethod.RfidCard, cancellationToken).ConfigureAwait(false);
            return;
        }

        TagDecodeResult decoded;
        try
        {
            var memory = await _pad.ReadTagAsync(uid, cancellationToken).ConfigureAwait(false);
            decoded = LibraryTagCodec.Decode(memory.ToTagMemory());
        }
        catch (RfidReaderException ex)
        {
            // Lifted again before it could be read, or a weak tag: tried again while it stays (the pad reports a lift),
            // and in the end the patron can scan its barcode instead.
            Log.TagUnreadable(_logger, uid.ToString(), ex.Message);
            RetryReadLater(uid, cancellationToken);
            return;
        }

        lock (_sync)
        {
            _unreadTags.Remove(uid);
        }

        if (!decoded.IsSuccess || decoded.Item is not { } tag || string.IsNullOrEmpty(tag.PrimaryItemId))
        {
            Log.TagUnreadable(_logger, uid.ToString(), decoded.Reason);
            return;
        }

        if (tag.TypeOfUsage == TypeOfUsage.PatronCard)
        {
            RememberTag(uid, null);
            await SignInAsync(tag.PrimaryItemId, SignInMethod.RfidCard, cancellationToken).ConfigureAwait(false);
            return;
        }

        PadItem item;
        bool added;
        PadEntry entry;
        bool completeAwaiting;
        lock (_sync)
        {
            _tagsOnPad[uid] = tag.PrimaryItemId;
            added = !_items.TryGetValue(tag.PrimaryItemId, out var existing);
            entry = existing ?? new PadEntry(tag.PrimaryItemId, ++_arrivals);
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

            item = entry.ToPadItem();
        }

        TouchIfSignedIn();
        _events.Publish(added ? new PadItemAdded(item, _time.GetUtcNow()) : new PadItemUpdated(item, _time.GetUtcNow()));
        if (added)
        {
            _ = DescribeAsync(entry.ItemId);
        }

        if (completeAwaiting)
        {
            await CompleteAwaitingAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CompleteAwaitingAsync(PadEntry entry, CancellationToken cancellationToken)
    {
        long journalId;
        List<TransponderUid> tags;
        Guid? sessionId;
        lock (_sync)
        {
            journalId = entry.AwaitingJournalId!.Value;
            tags = [.. entry.KnownTags.Values];
            sessionId = _session?.Id;
        }

        try
        {
            var switched = await Switcher.UnsecureAsync(journalId, entry.ItemId, tags, OnPad, cancellationToken).ConfigureAwait(false);
            if (switched.Failed.Count > 0)
            {
                await Switcher.UndoLoanAsync(journalId, entry.ItemId, tags, null, "a tag would not switch its security off", cancellationToken).ConfigureAwait(false);
                ClearAwaiting(entry, finished: true);
                _events.Publish(new ItemRefused(sessionId, entry.ItemId, CirculationOperation.Checkout, RefusalReason.SecuritySwitchFailed, _time.GetUtcNow()));
                return;
            }

            if (switched.Verified)
            {
                ClearAwaiting(entry, finished: true);
                _events.Publish(new ItemCheckedOut(sessionId ?? Guid.Empty, entry.ItemId, entry.AwaitingDueDate, false, _time.GetUtcNow()));
                _events.Publish(new PadItemUpdated(ItemOf(entry), _time.GetUtcNow()));
            }
        }
        finally
        {
            lock (_sync)
            {
                entry.Switching = false;
            }
        }
    }

    private void ClearAwaiting(PadEntry entry, bool finished)
    {
        lock (_sync)
        {
            _session?.Awaiting.RemoveAll(awaiting => awaiting.JournalId == entry.AwaitingJournalId);
            entry.AwaitingJournalId = null;
            entry.Finished = finished;
            if (entry.Tags.Count == 0 && !entry.Scanned)
            {
                _items.Remove(entry.ItemId);
            }
        }
    }

    /// <summary>
    /// Schedules another read of a tag that could not be read, after <see cref="UnreadTagRetryDelay"/> times the attempts
    /// so far, up to <see cref="UnreadTagRetries"/> times, as long as the pad has not reported it gone.
    /// </summary>
    private void RetryReadLater(TransponderUid uid, CancellationToken cancellationToken)
    {
        int attempt;
        lock (_sync)
        {
            attempt = _unreadTags.GetValueOrDefault(uid) + 1;
            if (attempt > UnreadTagRetries)
            {
                _unreadTags.Remove(uid);
                return;
            }

            _unreadTags[uid] = attempt;
        }

        _ = RetryReadAsync(uid, UnreadTagRetryDelay * attempt, cancellationToken);
    }

    private async Task RetryReadAsync(TransponderUid uid, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            lock (_sync)
            {
                if (!_unreadTags.ContainsKey(uid))
                {
                    return;
                }
            }

            await TagArrivedAsync(uid, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The kiosk is stopping.
        }
#pragma warning disable CA1031 // A retry runs unobserved; what fails in it is logged, never thrown into the void.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.TagUnreadable(_logger, uid.ToString(), ex.Message);
        }
    }

    private void TagLeft(TransponderUid uid)
    {
        PadItem? updated = null;
        string? removed = null;
        lock (_sync)
        {
            _unreadTags.Remove(uid);
            if (!_tagsOnPad.Remove(uid, out var itemId) || itemId is null || !_items.TryGetValue(itemId, out var entry))
            {
                return;
            }

            foreach (var part in entry.Tags.Where(pair => pair.Value == uid).Select(pair => pair.Key).ToList())
            {
                entry.Tags.Remove(part);
            }

            if (entry.Tags.Count == 0 && !entry.Scanned && entry.AwaitingJournalId is null)
            {
                _items.Remove(itemId);
                removed = itemId;
            }
            else
            {
                updated = entry.ToPadItem();
            }
        }

        if (removed is not null)
        {
            _events.Publish(new PadItemRemoved(removed, _time.GetUtcNow()));
        }
        else if (updated is not null)
        {
            _events.Publish(new PadItemUpdated(updated, _time.GetUtcNow()));
        }
    }

    private async Task DescribeAsync(string itemId)
    {
        if (!IlsReachable)
        {
            return;
        }

        try
        {
            var info = await _ils.ItemInformationAsync(itemId).ConfigureAwait(false);
            IlsAnswered();
            PadItem? item = null;
            lock (_sync)
            {
                if (_items.TryGetValue(itemId, out var entry))
                {
                    entry.Title = NullIfEmpty(info.TitleIdentifier) ?? entry.Title;
                    entry.PartsInItem = Math.Max(entry.PartsInItem, PartsFrom(info.ItemProperties) ?? 1);
                    item = entry.ToPadItem();
                }
            }

            if (item is not null)
            {
                _events.Publish(new PadItemUpdated(item, _time.GetUtcNow()));
            }
        }
        catch (Sip2Exception ex)
        {
            // The item stays listed by its id.
            Log.TitleLookupFailed(_logger, itemId, ex.Message);
            IlsFailed(ex);
        }
    }

    private SignInResult StartOffline(string cardNumber, SignInMethod method)
    {
        if (!_options.OfflineLoansAllowed)
        {
            return Refuse(RefusalReason.IlsUnreachable, []);
        }

        if (!_offlineCardPatterns.Any(pattern => pattern.IsMatch(cardNumber)))
        {
            return Refuse(RefusalReason.UnknownCardFormat, []);
        }

        return Start(cardNumber, null, method, [], offline: true);
    }

    private SignInResult Start(string cardNumber, string? pin, SignInMethod method, IReadOnlyList<PatronBlock> blocks, bool offline)
    {
        var session = new PatronSession(Guid.NewGuid(), cardNumber, pin, blocks, offline);
        lock (_sync)
        {
            _session = session;
            _pending = null;
            _idleTimer.Change(_options.IdleWarningAfter, Timeout.InfiniteTimeSpan);
        }

        Log.SessionStarted(_logger, session.Id, method, offline);
        _events.Publish(new SessionStarted(session.Id, method, offline, _time.GetUtcNow()));
        return new SignInResult(SignInStatus.SignedIn, null, blocks, offline);
    }

    private SignInResult Refuse(RefusalReason reason, IReadOnlyList<PatronBlock> blocks)
    {
        Log.SignInRefused(_logger, reason);
        _events.Publish(new SignInRefused(reason, blocks, _time.GetUtcNow()));
        return new SignInResult(SignInStatus.Refused, reason, blocks, !IlsReachable);
    }

    private async Task EndAsync(SessionEndReason reason, CancellationToken cancellationToken)
    {
        PatronSession? session;
        List<(PadEntry Entry, long JournalId, List<TransponderUid> Tags)> undo = [];
        lock (_sync)
        {
            session = _session;
            _session = null;
            _pending = null;
            _idleTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (session is null)
            {
                return;
            }

            foreach (var (entry, journalId) in session.Awaiting)
            {
                // Claim the entry, so a return of the book to the pad now cannot switch it off while the loan is undone.
                // One whose switch is already completing is left to finish: it ends lent or undone on its own.
                if (!entry.Switching)
                {
                    entry.Switching = true;
                    undo.Add((entry, journalId, [.. entry.KnownTags.Values]));
                }
            }

            session.Awaiting.Clear();
        }

        // A book lifted before its switch that never came back. If it lies on the pad after all, secure it and undo the
        // loan, so the account shows no loan the gate would alarm on. If it is gone, the loan stands and staff are told:
        // the ILS holds it on loan, so the invariant holds whatever its tag says (see SecuritySwitcher.UndoLoanAsync).
        foreach (var (entry, journalId, tags) in undo)
        {
            bool undone;
            try
            {
                undone = await Switcher.UndoLoanAsync(journalId, entry.ItemId, tags, null, "lifted before its switch and not put back before the session ended", cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ClearAwaiting(entry, finished: false);
                lock (_sync)
                {
                    entry.Switching = false;
                }
            }

            if (undone)
            {
                _events.Publish(new ItemRefused(session.Id, entry.ItemId, CirculationOperation.Checkout, RefusalReason.RemovedBeforeSwitch, _time.GetUtcNow()));
            }
        }

        lock (_sync)
        {
            // The next patron starts with what physically lies on the pad; scanned books and finished flags belong to this session.
            foreach (var entry in _items.Values.ToList())
            {
                entry.Finished = false;
                if (entry.Tags.Count == 0)
                {
                    _items.Remove(entry.ItemId);
                }
            }
        }

        if (!session.Offline && IlsReachable)
        {
            try
            {
                await _ils.EndPatronSessionAsync(session.CardNumber, session.Pin, cancellationToken).ConfigureAwait(false);
            }
            catch (Sip2Exception ex)
            {
                // End Patron Session (35) only lets the ILS tidy up; the kiosk's session is over either way.
                Log.EndSessionNotSent(_logger, ex.Message);
            }
        }

        Log.SessionEnded(_logger, session.Id, reason);
        _events.Publish(new SessionEnded(session.Id, reason, _time.GetUtcNow()));
    }

    private void OnIdleTimer()
    {
        Guid sessionId;
        DateTimeOffset endsAt;
        lock (_sync)
        {
            if (_session is null && _pending is not null)
            {
                _pending = null;
                Log.PinPromptAbandoned(_logger);
                return;
            }

            if (_session is null || Volatile.Read(ref _busy) > 0)
            {
                // A loan or return in progress is activity: look again after another idle period.
                if (_session is not null)
                {
                    _idleTimer.Change(_options.IdleWarningAfter, Timeout.InfiniteTimeSpan);
                }

                return;
            }

            if (_session.IdleWarningEndsAt is not null)
            {
                sessionId = Guid.Empty;
                endsAt = default;
            }
            else
            {
                endsAt = _time.GetUtcNow() + _options.IdleGrace;
                _session.IdleWarningEndsAt = endsAt;
                sessionId = _session.Id;
                _idleTimer.Change(_options.IdleGrace, Timeout.InfiniteTimeSpan);
            }
        }

        if (sessionId != Guid.Empty)
        {
            _events.Publish(new SessionIdleWarning(sessionId, endsAt, _time.GetUtcNow()));
            return;
        }

        _ = EndOnIdleAsync();
    }

    private async Task EndOnIdleAsync()
    {
        try
        {
            await EndAsync(SessionEndReason.IdleTimeout, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A timer callback has no caller to throw to; a failure is logged and the kiosk goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.IdleEndFailed(_logger, ex.Message);
        }
    }

    private bool IlsReachable => Volatile.Read(ref _ilsDown) == 0 && _ils.Status != Sip2LinkStatus.Offline;

    private void OnIlsStatusChanged(object? sender, Sip2LinkStatusChangedEventArgs change)
    {
        if (change.Status == Sip2LinkStatus.Offline)
        {
            IlsDown(change.Reason);
        }
        else if (change.Status == Sip2LinkStatus.Online)
        {
            IlsAnswered();
        }
    }

    private void IlsFailed(Sip2Exception failure)
    {
        if (failure.Kind is Sip2FailureKind.Unreachable or Sip2FailureKind.ConnectionLost or Sip2FailureKind.Timeout)
        {
            IlsDown(failure.Message);
        }
    }

    private void IlsDown(string reason)
    {
        if (Interlocked.Exchange(ref _ilsDown, 1) == 0)
        {
            Log.IlsUnreachable(_logger, reason);
            _events.Publish(new OfflineEntered(reason, _time.GetUtcNow()));
            _probeTimer.Change(_options.OfflineProbeInterval, _options.OfflineProbeInterval);
        }
    }

    private void IlsAnswered()
    {
        if (Interlocked.Exchange(ref _ilsDown, 0) == 1)
        {
            _events.Publish(new OfflineLeft(_time.GetUtcNow()));

            // Off the caller's path: a patron's request or the client's event must not wait for the whole queue.
            LastReplay = Task.Run(ReplayAfterOutageAsync);
        }
    }

    private async Task ProbeAsync()
    {
        if (Volatile.Read(ref _ilsDown) == 1)
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

            IlsAnswered();
            return;
        }

        await ReplayAfterOutageAsync().ConfigureAwait(false);
    }

    private async Task ReplayAfterOutageAsync()
    {
        try
        {
            await Replayer.ReplayAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The store may fail (disk full); what is queued stays queued for the next try.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ReplayFailed(_logger, ex.Message);
        }

        // An unfinished replay (stale connections to an ILS that only just came back) is tried again at the next probe.
        var again = !Replayer.LastRunComplete || Volatile.Read(ref _ilsDown) == 1;
        _probeTimer.Change(again ? _options.OfflineProbeInterval : Timeout.InfiniteTimeSpan, again ? _options.OfflineProbeInterval : Timeout.InfiniteTimeSpan);
    }

    private List<PadEntry> Candidates()
    {
        lock (_sync)
        {
            return [.. _items.Values.Where(entry => !entry.Finished && entry.AwaitingJournalId is null && !entry.Switching).OrderBy(entry => entry.Order)];
        }
    }

    private (PadItem Item, IReadOnlyList<TransponderUid> Tags, IReadOnlyList<int> Missing) Describe(PadEntry entry)
    {
        lock (_sync)
        {
            var item = entry.ToPadItem();
            return (item, [.. entry.Tags.OrderBy(pair => pair.Key).Select(pair => pair.Value)], item.MissingParts);
        }
    }

    private PadItem ItemOf(PadEntry entry)
    {
        lock (_sync)
        {
            return entry.ToPadItem();
        }
    }

    private bool OnPad(TransponderUid uid)
    {
        lock (_sync)
        {
            return _tagsOnPad.ContainsKey(uid);
        }
    }

    private void RememberTag(TransponderUid uid, string? itemId)
    {
        lock (_sync)
        {
            _tagsOnPad[uid] = itemId;
        }
    }

    private PatronSession RequireSession()
    {
        lock (_sync)
        {
            return _session ?? throw new InvalidOperationException("Nobody is signed in; present a library card first.");
        }
    }

    private void TouchIfSignedIn() => KeepAlive();

    private ItemOutcome Refused(Guid? sessionId, PadItem item, CirculationOperation operation, RefusalReason reason, IReadOnlyList<int>? missing = null)
    {
        _events.Publish(new ItemRefused(sessionId, item.ItemId, operation, reason, _time.GetUtcNow()));
        return new ItemOutcome(item.ItemId, item.Title, operation, ItemOutcomeStatus.Refused, reason, MissingParts: missing);
    }

    private DateTimeOffset? ParseDate(string? sip2Date)
    {
        // The spec leaves AH's format to the ACS; most (Koha, Evergreen, the simulator) write the 18-character SIP2 date.
        if (string.IsNullOrEmpty(sip2Date) || !Sip2Timestamp.TryParse(sip2Date, out var stamp, out _) || stamp.Value is not { } value)
        {
            return null;
        }

        return value.Kind == DateTimeKind.Utc
            ? new DateTimeOffset(value, TimeSpan.Zero)
            : new DateTimeOffset(value, _time.LocalTimeZone.GetUtcOffset(value));
    }

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

    private static string? Message(IReadOnlyList<string> lines) => lines.Count == 0 ? null : string.Join(" ", lines);
}
