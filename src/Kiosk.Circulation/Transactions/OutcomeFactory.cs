using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Pad;

namespace Kiosk.Circulation.Transactions;

/// <summary>
/// Writes each decision about an item the same way: a refusal is raised as <see cref="ItemRefused"/>, and every
/// decision is recorded on the pad model, so the screen shows it beside the book and counts it.
/// </summary>
internal sealed class OutcomeFactory(PadModel pad, CirculationEventHub events, LibraryCalendar calendar, TimeProvider timeProvider)
{
    public LibraryCalendar Calendar => calendar;

    public async Task<ItemOutcome> RefusedAsync(
        Guid? sessionId, PadItem item, CirculationOperation operation, RefusalReason reason, IReadOnlyList<int>? missing = null, string? ilsMessage = null)
    {
        await events.PublishAsync(new ItemRefused(sessionId, item.ItemId, operation, reason, timeProvider.GetUtcNow())).ConfigureAwait(false);
        return await DecidedAsync(
            new ItemOutcome(item.ItemId, item.Title, operation, ItemOutcomeStatus.Refused, reason, MissingParts: missing, IlsMessage: ilsMessage),
            lentIn: null).ConfigureAwait(false);
    }

    /// <summary>Nothing to do for the item: already lent to this patron, or already returned, in this visit to the pad.</summary>
    public Task<ItemOutcome> AlreadyDoneAsync(PadItem item, CirculationOperation operation, RefusalReason reason) =>
        DecidedAsync(new ItemOutcome(item.ItemId, item.Title, operation, ItemOutcomeStatus.AlreadyDone, reason), lentIn: null);

    /// <summary>Records <paramref name="outcome"/> on the pad (with its day in the library's zone) and gives it back.</summary>
    public async Task<ItemOutcome> DecidedAsync(ItemOutcome outcome, Guid? lentIn)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.DueDate is { } due && outcome.DueDay is null)
        {
            outcome = outcome with { DueDay = calendar.DayOf(due) };
        }

        await pad.DecideAsync(outcome, lentIn).ConfigureAwait(false);
        return outcome;
    }

    public static string? Message(IReadOnlyList<string> lines) => lines.Count == 0 ? null : string.Join(" ", lines);

    public static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
