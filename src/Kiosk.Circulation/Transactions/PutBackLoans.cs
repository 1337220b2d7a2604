using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Pad;
using Kiosk.Circulation.Security;
using Kiosk.Circulation.Sessions;

namespace Kiosk.Circulation.Transactions;

/// <summary>
/// Loans made in the ILS whose book was lifted before its security was switched off. When the book comes back whole,
/// its switch finishes; when the session ends without it, the loan is undone if the book lies on the pad after all,
/// and otherwise stands with staff told: the ILS holds it on loan, so the safety invariant holds whatever its tag says.
/// </summary>
internal sealed class PutBackLoans(PadModel pad, SecuritySwitcher switcher, CirculationEventHub events, LibraryCalendar calendar, TimeProvider timeProvider)
    : ISessionEndParticipant
{
    /// <summary>The book of an awaiting loan is back on the pad, every part: switch its security off and finish the loan.</summary>
    public async Task CompleteAsync(string itemId, CancellationToken cancellationToken = default)
    {
        if (pad.ClaimReturned(itemId) is not { } loan)
        {
            return;
        }

        ItemOutcome? outcome = null;
        try
        {
            var switched = await switcher.UnsecureAsync(loan.JournalId, loan.ItemId, loan.Tags, pad.OnPad, cancellationToken).ConfigureAwait(false);
            if (switched.Failed.Count > 0)
            {
                await switcher.UndoLoanAsync(loan.JournalId, loan.ItemId, loan.Tags, null, "a tag would not switch its security off", cancellationToken).ConfigureAwait(false);
                outcome = new ItemOutcome(loan.ItemId, loan.Title, CirculationOperation.Checkout, ItemOutcomeStatus.Refused, RefusalReason.SecuritySwitchFailed);
                await events.PublishAsync(new ItemRefused(loan.SessionId, loan.ItemId, CirculationOperation.Checkout, RefusalReason.SecuritySwitchFailed, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            }
            else if (switched.Verified)
            {
                outcome = new ItemOutcome(
                    loan.ItemId, loan.Title, CirculationOperation.Checkout, ItemOutcomeStatus.Done, DueDate: loan.DueDate,
                    DueDay: loan.DueDate is { } due ? calendar.DayOf(due) : null);
                await events.PublishAsync(new ItemCheckedOut(loan.SessionId ?? Guid.Empty, loan.ItemId, loan.DueDate, false, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (outcome is null)
            {
                // Lifted again mid-switch: it keeps waiting for its book.
                pad.ReleaseAwaiting(itemId);
            }
            else
            {
                await pad.SettleAwaitingAsync(itemId, outcome, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task SessionEndingAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        foreach (var loan in pad.ClaimAwaiting(sessionId))
        {
            bool undone;
            try
            {
                undone = await switcher.UndoLoanAsync(
                    loan.JournalId, loan.ItemId, loan.Tags, null, "lifted before its switch and not put back before the session ended", cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await pad.SettleAwaitingAsync(loan.ItemId, null, cancellationToken).ConfigureAwait(false);
            }

            if (undone)
            {
                await events.PublishAsync(new ItemRefused(sessionId, loan.ItemId, CirculationOperation.Checkout, RefusalReason.RemovedBeforeSwitch, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
