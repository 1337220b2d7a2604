using Kiosk.Circulation.Availability;
using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Pad;
using Kiosk.Circulation.Sessions;

namespace Kiosk.Circulation.Transactions;

/// <summary>
/// Takes back everything on the pad; needs no sign-in. Security goes on first, then the ILS hears (see
/// <see cref="Security.SecuritySwitcher.ReturnAsync"/>). Every book gets an outcome: returned, not on loan (secured,
/// nothing else to do), already returned in this visit, or refused with its reason.
/// </summary>
internal sealed class Returning(
    PatronSessions sessions,
    PadModel pad,
    Security.SecuritySwitcher switcher,
    IlsAvailability availability,
    IlsPermissions permissions,
    TransactionProgress progress,
    OutcomeFactory outcomes,
    CirculationEventHub events,
    TimeProvider timeProvider)
{
    public async Task<CirculationResult<IReadOnlyList<ItemOutcome>>> ReturnAsync(CancellationToken cancellationToken = default)
    {
        using var scope = progress.TryBegin(CirculationOperation.Return);
        if (scope is null)
        {
            return CirculationResult.Not<IReadOnlyList<ItemOutcome>>(CirculationResultCode.Busy);
        }

        sessions.KeepAlive();
        var sessionId = sessions.Current?.Id;
        var taken = pad.Take(sessionId);
        scope.Took(taken.Count);
        var decided = new List<ItemOutcome>();
        var returning = new List<Task<ItemOutcome>>();
        foreach (var work in taken)
        {
            if (work.ReturnedHere)
            {
                decided.Add(await outcomes.AlreadyDoneAsync(work.Item, CirculationOperation.Return, RefusalReason.AlreadyReturned).ConfigureAwait(false));
                scope.Decided();
            }
            else if (!permissions.ReturnsAllowed)
            {
                // The ACS says "checkin ok" N: neither the tag nor the ILS is touched, so the loan stands as it was.
                decided.Add(await outcomes.RefusedAsync(sessionId, work.Item, CirculationOperation.Return, RefusalReason.ReturnsNotAllowed)
                    .ConfigureAwait(false));
                scope.Decided();
            }
            else if (work.MissingParts.Count > 0)
            {
                // Always refused, whatever the site's set policy: checking the item in would leave the missing part's
                // tag switched off for an item the ILS thinks is back, against the safety invariant.
                await events.PublishAsync(new SetIncomplete(sessionId, work.ItemId, work.Item.PartsInItem, work.MissingParts, true, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                decided.Add(await outcomes.RefusedAsync(sessionId, work.Item, CirculationOperation.Return, RefusalReason.SetIncomplete, work.MissingParts).ConfigureAwait(false));
                scope.Decided();
            }
            else
            {
                returning.Add(TakeBackAndCountAsync(sessionId, work, scope, cancellationToken));
            }
        }

        decided.AddRange(await Task.WhenAll(returning).ConfigureAwait(false));
        sessions.KeepAlive();
        return CirculationResult.Ok<IReadOnlyList<ItemOutcome>>(decided);
    }

    private async Task<ItemOutcome> TakeBackAndCountAsync(Guid? sessionId, PadWork work, TransactionProgress.Scope scope, CancellationToken cancellationToken)
    {
        try
        {
            return await TakeBackAsync(sessionId, work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            scope.Decided();
        }
    }

    private async Task<ItemOutcome> TakeBackAsync(Guid? sessionId, PadWork work, CancellationToken cancellationToken)
    {
        pad.Working(work.ItemId);
        var attempt = await switcher.ReturnAsync(work.ItemId, work.Tags, pad.OnPad, cancellationToken).ConfigureAwait(false);
        var item = work.Item with { Title = work.Item.Title ?? OutcomeFactory.NullIfEmpty(attempt.Response?.TitleIdentifier) };
        if (attempt.Response is not null)
        {
            await availability.AnsweredAsync().ConfigureAwait(false);
        }
        else if (attempt.Queued)
        {
            await availability.DownAsync("a return could not reach the ILS and was queued").ConfigureAwait(false);
        }

        if (!attempt.Switch.Verified)
        {
            var reason = attempt.Switch.Failed.Count > 0 ? RefusalReason.SecuritySwitchFailed : RefusalReason.RemovedBeforeSwitch;
            return await outcomes.RefusedAsync(sessionId, item, CirculationOperation.Return, reason).ConfigureAwait(false);
        }

        if (attempt.Response is { Ok: false } refusal)
        {
            return await outcomes.RefusedAsync(
                sessionId, item, CirculationOperation.Return, RefusalReason.IlsRefused, ilsMessage: OutcomeFactory.Message(refusal.ScreenMessages)).ConfigureAwait(false);
        }

        var message = OutcomeFactory.Message(attempt.Response?.ScreenMessages ?? []);
        var sortBin = attempt.Response?.SortBin;

        // SIP2's checkin answer (10) cannot say whether the item was on loan; Item Information (18) said so when the book
        // landed. A book lent on this kiosk since then is on loan whatever it said.
        if (!attempt.Queued && work.IlsSaysOnLoan == false && work.LentInSession is null)
        {
            return await outcomes.DecidedAsync(
                new ItemOutcome(item.ItemId, item.Title, CirculationOperation.Return, ItemOutcomeStatus.NotOnLoan, RefusalReason.NotOnLoan, IlsMessage: message, SortBin: sortBin),
                lentIn: null).ConfigureAwait(false);
        }

        await events.PublishAsync(new ItemReturned(sessionId, item.ItemId, attempt.Queued, sortBin, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return await outcomes.DecidedAsync(
            new ItemOutcome(item.ItemId, item.Title, CirculationOperation.Return, ItemOutcomeStatus.Done, Offline: attempt.Queued, IlsMessage: message, SortBin: sortBin),
            lentIn: null).ConfigureAwait(false);
    }
}
