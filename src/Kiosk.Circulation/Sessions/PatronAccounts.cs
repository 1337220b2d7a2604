using System.Globalization;
using Kiosk.Circulation.Availability;
using Kiosk.Ils;
using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;

namespace Kiosk.Circulation.Sessions;

/// <summary>The signed-in patron's account: loans (overdue ones flagged), holds ready for pickup and fines.</summary>
internal sealed class PatronAccounts(PatronSessions sessions, ISip2Client ils, IlsAvailability availability, LibraryCalendar calendar, TimeProvider timeProvider)
{
    public async Task<CirculationResult<PatronAccount>> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        if (sessions.Current is not { } session)
        {
            return CirculationResult.Not<PatronAccount>(CirculationResultCode.NoSession);
        }

        sessions.KeepAlive();
        if (session.Offline)
        {
            return CirculationResult.Not<PatronAccount>(CirculationResultCode.IlsUnreachable);
        }

        try
        {
            // The spec asks for one summary category per request, so three requests, in parallel over the pool.
            var charged = ils.PatronInformationAsync(session.CardNumber, session.Pin, Sip2SummaryRequest.ChargedItems, cancellationToken: cancellationToken);
            var overdue = ils.PatronInformationAsync(session.CardNumber, session.Pin, Sip2SummaryRequest.OverdueItems, cancellationToken: cancellationToken);
            var holds = ils.PatronInformationAsync(session.CardNumber, session.Pin, Sip2SummaryRequest.HoldItems, cancellationToken: cancellationToken);
            await Task.WhenAll(charged, overdue, holds).ConfigureAwait(false);
            var overdueIds = overdue.Result.OverdueItems.ToHashSet(StringComparer.Ordinal);
            var now = timeProvider.GetUtcNow();
            var loans = await Task.WhenAll(charged.Result.ChargedItems.Select(async itemId =>
            {
                var item = await ils.ItemInformationAsync(itemId, cancellationToken).ConfigureAwait(false);
                var due = calendar.Parse(item.DueDate);
                return new AccountLoan(itemId, NullIfEmpty(item.TitleIdentifier), due, overdueIds.Contains(itemId) || due < now)
                {
                    DueDay = due is { } day ? calendar.DayOf(day) : null,
                };
            })).ConfigureAwait(false);
            var holdList = await Task.WhenAll(holds.Result.HoldItems.Select(async itemId =>
            {
                var item = await ils.ItemInformationAsync(itemId, cancellationToken).ConfigureAwait(false);
                return new AccountHold(itemId, NullIfEmpty(item.TitleIdentifier));
            })).ConfigureAwait(false);
            await availability.AnsweredAsync().ConfigureAwait(false);
            var fines = decimal.TryParse(charged.Result.FeeAmount, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : (decimal?)null;
            return CirculationResult.Ok<PatronAccount>(new PatronAccount(
                [.. loans.OrderBy(loan => loan.DueDate ?? DateTimeOffset.MaxValue)],
                holdList,
                fines,
                charged.Result.CurrencyType,
                PatronBlocks.From(charged.Result.PatronStatus)));
        }
        catch (Sip2Exception ex) when (ex.Kind != Sip2FailureKind.Cancelled)
        {
            await availability.FailedAsync(ex).ConfigureAwait(false);
            return CirculationResult.Not<PatronAccount>(CirculationResultCode.IlsUnreachable);
        }
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
