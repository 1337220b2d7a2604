using Kiosk.Circulation.Availability;
using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Pad;
using Kiosk.Circulation.Security;
using Kiosk.Circulation.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Circulation.Transactions;

/// <summary>
/// Lends what lies on the pad to the signed-in patron. Every book on the pad gets an outcome: lent, refused with its
/// reason, or nothing to do (already theirs, just returned). Books are decided in the order they were laid down, so a
/// stack over the patron's limit lends the first ones; the loans themselves go to the ILS in parallel, each in the
/// order <see cref="SecuritySwitcher"/> keeps.
/// </summary>
internal sealed partial class Lending(
    PatronSessions sessions,
    PadModel pad,
    SecuritySwitcher switcher,
    IlsAvailability availability,
    IlsPermissions permissions,
    TransactionProgress progress,
    OutcomeFactory outcomes,
    CirculationEventHub events,
    IOptions<CirculationOptions> options,
    TimeProvider timeProvider,
    ILogger<Lending> logger)
{
    private readonly CirculationOptions _options = options.Value;

    /// <summary>
    /// Lends everything on the pad and scanned in, after the patron reviewed the list. Books lifted before their switch
    /// come back as <see cref="ItemOutcomeStatus.PutItBack"/> and finish when they return to the pad.
    /// </summary>
    public async Task<CirculationResult<IReadOnlyList<ItemOutcome>>> BorrowAsync(CancellationToken cancellationToken = default)
    {
        if (sessions.Current is not { } session)
        {
            return CirculationResult.Not<IReadOnlyList<ItemOutcome>>(CirculationResultCode.NoSession);
        }

        using var scope = progress.TryBegin(CirculationOperation.Checkout);
        if (scope is null)
        {
            return CirculationResult.Not<IReadOnlyList<ItemOutcome>>(CirculationResultCode.Busy);
        }

        sessions.KeepAlive();
        var taken = pad.Take(session.Id);
        scope.Took(taken.Count);
        var decided = new List<ItemOutcome>();
        var lending = new List<Task<ItemOutcome>>();
        var offline = session.Offline || !availability.IsReachable;
        foreach (var work in taken)
        {
            if (await DecideBeforeLendingAsync(session, work, offline, lending.Count).ConfigureAwait(false) is { } outcome)
            {
                decided.Add(outcome);
                scope.Decided();
                continue;
            }

            lending.Add(LendAndCountAsync(session, work, offline, scope, cancellationToken));
        }

        decided.AddRange(await Task.WhenAll(lending).ConfigureAwait(false));
        sessions.KeepAlive();
        return CirculationResult.Ok<IReadOnlyList<ItemOutcome>>(decided);
    }

    /// <summary>The outcome of a book that is not to be lent, or null when it is.</summary>
    private async Task<ItemOutcome?> DecideBeforeLendingAsync(PatronSession session, PadWork work, bool offline, int lendingSoFar)
    {
        var item = work.Item;
        if (work.LentInSession == session.Id)
        {
            return await outcomes.AlreadyDoneAsync(item, CirculationOperation.Checkout, RefusalReason.AlreadyYours).ConfigureAwait(false);
        }

        if (work.ReturnedHere)
        {
            return await outcomes.AlreadyDoneAsync(item, CirculationOperation.Checkout, RefusalReason.AlreadyReturned).ConfigureAwait(false);
        }

        // The ACS's own word, read at the moment of lending: no Checkout (11) goes out while it says "checkout ok" N.
        if (!permissions.LoansAllowed)
        {
            return await outcomes.RefusedAsync(session.Id, item, CirculationOperation.Checkout, RefusalReason.LoansNotAllowed)
                .ConfigureAwait(false);
        }

        if (session.Summary.CannotBorrow is not null)
        {
            return await outcomes.RefusedAsync(session.Id, item, CirculationOperation.Checkout, RefusalReason.PatronBlocked).ConfigureAwait(false);
        }

        if (work.MissingParts.Count > 0)
        {
            var refuse = _options.SetPolicy == SetPolicy.Refuse;
            await events.PublishAsync(new SetIncomplete(session.Id, item.ItemId, item.PartsInItem, work.MissingParts, refuse, timeProvider.GetUtcNow())).ConfigureAwait(false);
            if (refuse)
            {
                return await outcomes.RefusedAsync(session.Id, item, CirculationOperation.Checkout, RefusalReason.SetIncomplete, work.MissingParts).ConfigureAwait(false);
            }
        }

        if (offline)
        {
            if (!_options.OfflineLoansAllowed)
            {
                return await outcomes.RefusedAsync(session.Id, item, CirculationOperation.Checkout, RefusalReason.IlsUnreachable).ConfigureAwait(false);
            }

            if (!sessions.TryTakeOfflineLoan(session))
            {
                return await outcomes.RefusedAsync(session.Id, item, CirculationOperation.Checkout, RefusalReason.OfflineLimitReached).ConfigureAwait(false);
            }

            return null;
        }

        // The ILS's limit, as it stood at sign-in: without this, parallel checkouts race for the last places and a
        // different book is refused on each run.
        if (session.Summary.LoansLeft is { } left && session.Loans + lendingSoFar >= left)
        {
            return await outcomes.RefusedAsync(session.Id, item, CirculationOperation.Checkout, RefusalReason.LoanLimitReached).ConfigureAwait(false);
        }

        return null;
    }

    private async Task<ItemOutcome> LendAndCountAsync(PatronSession session, PadWork work, bool offline, TransactionProgress.Scope scope, CancellationToken cancellationToken)
    {
        try
        {
            return await LendAsync(session, work, offline, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            scope.Decided();
        }
    }

    private async Task<ItemOutcome> LendAsync(PatronSession session, PadWork work, bool offline, CancellationToken cancellationToken)
    {
        pad.Working(work.ItemId);
        var attempt = offline
            ? await switcher.OfflineCheckoutAsync(session.CardNumber, work.ItemId, work.Tags, pad.OnPad, cancellationToken).ConfigureAwait(false)
            : await switcher.CheckoutAsync(session.CardNumber, session.Pin, work.ItemId, work.Tags, pad.OnPad, cancellationToken).ConfigureAwait(false);
        var item = work.Item with { Title = work.Item.Title ?? OutcomeFactory.NullIfEmpty(attempt.Response?.TitleIdentifier) };
        if (attempt.Response is not null)
        {
            await availability.AnsweredAsync().ConfigureAwait(false);
        }

        if (attempt.IlsError is not null)
        {
            await availability.FailedAsync(attempt.IlsError).ConfigureAwait(false);
            return await outcomes.RefusedAsync(session.Id, item, CirculationOperation.Checkout, RefusalReason.IlsUnreachable).ConfigureAwait(false);
        }

        if (attempt.Response is { Ok: false } refusal)
        {
            return await outcomes.RefusedAsync(
                session.Id, item, CirculationOperation.Checkout, RefusalReason.IlsRefused, ilsMessage: OutcomeFactory.Message(refusal.ScreenMessages)).ConfigureAwait(false);
        }

        var due = outcomes.Calendar.Parse(attempt.Response?.DueDate);
        if (attempt.Undone)
        {
            return await outcomes.RefusedAsync(session.Id, item, CirculationOperation.Checkout, RefusalReason.SecuritySwitchFailed).ConfigureAwait(false);
        }

        if (attempt.Switch is { Verified: false })
        {
            var waiting = new ItemOutcome(
                item.ItemId, item.Title, CirculationOperation.Checkout, ItemOutcomeStatus.PutItBack, RefusalReason.RemovedBeforeSwitch, due, Offline: offline,
                DueDay: due is { } day ? outcomes.Calendar.DayOf(day) : null);
            var shown = pad.AwaitReturn(work, attempt.JournalId, due, session.Id, waiting);
            LogRemovedBeforeSwitch(logger, item.ItemId);
            await events.PublishAsync(new ItemRemovedBeforeSwitch(session.Id, item.ItemId, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            if (shown is not null)
            {
                await events.PublishAsync(new PadItemUpdated(shown, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            }

            return waiting;
        }

        sessions.CountLoan(session);
        await events.PublishAsync(new ItemCheckedOut(session.Id, item.ItemId, due, offline, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        var warn = work.MissingParts.Count > 0;
        return await outcomes.DecidedAsync(
            new ItemOutcome(
                item.ItemId,
                item.Title,
                CirculationOperation.Checkout,
                warn ? ItemOutcomeStatus.DoneWithWarning : ItemOutcomeStatus.Done,
                warn ? RefusalReason.SetIncomplete : null,
                due,
                warn ? work.MissingParts : null,
                offline,
                OutcomeFactory.Message(attempt.Response?.ScreenMessages ?? [])),
            session.Id).ConfigureAwait(false);
    }

    [LoggerMessage(5, LogLevel.Warning, "Item {ItemId} was lifted before its security was switched off; waiting for it to come back")]
    private static partial void LogRemovedBeforeSwitch(ILogger logger, string itemId);
}
