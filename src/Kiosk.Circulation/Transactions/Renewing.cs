using Kiosk.Circulation.Availability;
using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Sessions;
using Kiosk.Ils;
using Kiosk.Protocols.Sip2.Messages;

namespace Kiosk.Circulation.Transactions;

/// <summary>Renews the signed-in patron's loans, one (Renew, 29) or all (Renew All, 65), and names each by its title.</summary>
internal sealed class Renewing(
    PatronSessions sessions,
    ISip2Client ils,
    IlsAvailability availability,
    IlsPermissions permissions,
    LibraryCalendar calendar,
    CirculationEventHub events,
    TimeProvider timeProvider)
{
    /// <summary>Renews one of the signed-in patron's loans.</summary>
    public async Task<CirculationResult<ItemOutcome>> RenewAsync(string itemId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        if (sessions.Current is not { } session)
        {
            return CirculationResult.Not<ItemOutcome>(CirculationResultCode.NoSession);
        }

        sessions.KeepAlive();
        if (session.Offline)
        {
            return CirculationResult.Ok<ItemOutcome>(await RefusedAsync(session.Id, itemId, null, RefusalReason.IlsUnreachable, null).ConfigureAwait(false));
        }

        if (!permissions.RenewalsAllowed)
        {
            var refused = await RefusedAsync(session.Id, itemId, null, RefusalReason.RenewalsNotAllowed, null).ConfigureAwait(false);
            return CirculationResult.Ok<ItemOutcome>(refused);
        }

        RenewResponse answer;
        try
        {
            answer = await ils.RenewAsync(session.CardNumber, itemId, session.Pin, cancellationToken: cancellationToken).ConfigureAwait(false);
            await availability.AnsweredAsync().ConfigureAwait(false);
        }
        catch (Sip2Exception ex) when (ex.Kind != Sip2FailureKind.Cancelled)
        {
            await availability.FailedAsync(ex).ConfigureAwait(false);
            return CirculationResult.Ok<ItemOutcome>(await RefusedAsync(session.Id, itemId, null, RefusalReason.IlsUnreachable, null).ConfigureAwait(false));
        }

        var title = OutcomeFactory.NullIfEmpty(answer.TitleIdentifier);
        if (!answer.Ok)
        {
            return CirculationResult.Ok<ItemOutcome>(
                await RefusedAsync(session.Id, itemId, title, RefusalReason.IlsRefused, OutcomeFactory.Message(answer.ScreenMessages)).ConfigureAwait(false));
        }

        var due = calendar.Parse(answer.DueDate);
        await events.PublishAsync(new ItemRenewed(session.Id, itemId, due, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return CirculationResult.Ok<ItemOutcome>(new ItemOutcome(
            itemId, title, CirculationOperation.Renew, ItemOutcomeStatus.Done, DueDate: due, IlsMessage: OutcomeFactory.Message(answer.ScreenMessages),
            DueDay: due is { } day ? calendar.DayOf(day) : null));
    }

    /// <summary>Renews all of the signed-in patron's loans (Renew All, 65), each named by its title and new due date where the ILS tells.</summary>
    public async Task<CirculationResult<IReadOnlyList<ItemOutcome>>> RenewAllAsync(CancellationToken cancellationToken = default)
    {
        if (sessions.Current is not { } session)
        {
            return CirculationResult.Not<IReadOnlyList<ItemOutcome>>(CirculationResultCode.NoSession);
        }

        sessions.KeepAlive();
        if (session.Offline)
        {
            return CirculationResult.Not<IReadOnlyList<ItemOutcome>>(CirculationResultCode.IlsUnreachable);
        }

        if (!permissions.RenewalsAllowed)
        {
            return CirculationResult.Not<IReadOnlyList<ItemOutcome>>(CirculationResultCode.RenewalsNotAllowed);
        }

        RenewAllResponse answer;
        try
        {
            answer = await ils.RenewAllAsync(session.CardNumber, session.Pin, cancellationToken: cancellationToken).ConfigureAwait(false);
            await availability.AnsweredAsync().ConfigureAwait(false);
        }
        catch (Sip2Exception ex) when (ex.Kind != Sip2FailureKind.Cancelled)
        {
            await availability.FailedAsync(ex).ConfigureAwait(false);
            return CirculationResult.Not<IReadOnlyList<ItemOutcome>>(CirculationResultCode.IlsUnreachable);
        }

        // Renew All (66) lists the items but neither their titles nor their new due dates: Item Information (17) tells both.
        var renewed = await Task.WhenAll(answer.RenewedItems.Select(id => DescribeAsync(id, cancellationToken))).ConfigureAwait(false);
        var unrenewed = await Task.WhenAll(answer.UnrenewedItems.Select(id => DescribeAsync(id, cancellationToken))).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var outcomes = new List<ItemOutcome>();
        foreach (var (itemId, title, due) in renewed)
        {
            await events.PublishAsync(new ItemRenewed(session.Id, itemId, due, now), cancellationToken).ConfigureAwait(false);
            outcomes.Add(new ItemOutcome(itemId, title, CirculationOperation.Renew, ItemOutcomeStatus.Done, DueDate: due, DueDay: due is { } day ? calendar.DayOf(day) : null));
        }

        foreach (var (itemId, title, _) in unrenewed)
        {
            outcomes.Add(await RefusedAsync(session.Id, itemId, title, RefusalReason.IlsRefused, OutcomeFactory.Message(answer.ScreenMessages)).ConfigureAwait(false));
        }

        return CirculationResult.Ok<IReadOnlyList<ItemOutcome>>(outcomes);
    }

    private async Task<(string ItemId, string? Title, DateTimeOffset? Due)> DescribeAsync(string itemId, CancellationToken cancellationToken)
    {
        try
        {
            var info = await ils.ItemInformationAsync(itemId, cancellationToken).ConfigureAwait(false);
            return (itemId, OutcomeFactory.NullIfEmpty(info.TitleIdentifier), calendar.Parse(info.DueDate));
        }
        catch (Sip2Exception)
        {
            // The renewal stands; the screen names the book by its id.
            return (itemId, null, null);
        }
    }

    private async Task<ItemOutcome> RefusedAsync(Guid sessionId, string itemId, string? title, RefusalReason reason, string? message)
    {
        await events.PublishAsync(new ItemRefused(sessionId, itemId, CirculationOperation.Renew, reason, timeProvider.GetUtcNow())).ConfigureAwait(false);
        return new ItemOutcome(itemId, title, CirculationOperation.Renew, ItemOutcomeStatus.Refused, reason, IlsMessage: message);
    }
}
