using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Security;
using Kiosk.Circulation.Sessions;
using Kiosk.Ils;
using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.Availability;

/// <summary>
/// Replays the offline queue, in the order it was taken, once the ILS is back. A loan whose item the ILS already has on
/// loan is not replayed (that would take it from another patron's account): it becomes a conflict for staff. A loan
/// whose patron is now blocked is still replayed, with no block, because the book has left: the ILS must know who has
/// it; staff see the conflict. Replays never run twice at once.
/// </summary>
internal sealed class OfflineReplayer(IOfflineTransactionStore store, ISip2Client ils, CirculationEventHub events, TimeProvider timeProvider, ILogger<OfflineReplayer> logger) : IDisposable
{
    private readonly SemaphoreSlim _running = new(1, 1);

    public void Dispose() => _running.Dispose();

    /// <summary>Whether the last replay got through the whole queue (false when the ILS went away part-way).</summary>
    public bool LastRunComplete { get; private set; } = true;

    /// <summary>Replays what is pending; stops at the first transaction the ILS cannot be reached for. Returns how many reached the ILS.</summary>
    public async Task<int> ReplayAsync(CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var pending = await store.PendingAsync(cancellationToken).ConfigureAwait(false);
            var replayed = 0;
            LastRunComplete = true;
            foreach (var transaction in pending)
            {
                try
                {
                    await ReplayOneAsync(transaction, cancellationToken).ConfigureAwait(false);
                    replayed++;
                }
                catch (Sip2Exception ex)
                {
                    Log.ReplayStopped(logger, transaction.Id, ex.Message);
                    LastRunComplete = false;
                    break;
                }
            }

            return replayed;
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task ReplayOneAsync(OfflineTransaction transaction, CancellationToken cancellationToken)
    {
        if (transaction.Kind == OfflineTransactionKind.Checkin)
        {
            var answer = await ils.CheckinAsync(transaction.ItemId, transaction.At, cancellationToken).ConfigureAwait(false);
            if (answer.Ok)
            {
                await ReplayedAsync(transaction, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ConflictAsync(transaction, OfflineConflictReason.IlsRefused, string.Join(" ", answer.ScreenMessages), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var item = await ils.ItemInformationAsync(transaction.ItemId, cancellationToken).ConfigureAwait(false);
        // SIP2 has no "not found" flag in 18; ILSs (Koha, the simulator) answer an unknown barcode with an empty title.
        if (string.IsNullOrEmpty(item.TitleIdentifier))
        {
            await ConflictAsync(transaction, OfflineConflictReason.NotFound, "the ILS does not know the item", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (SecurityRecovery.IsOnLoan(item))
        {
            await ConflictAsync(transaction, OfflineConflictReason.ItemOnLoanToSomeoneElse, "the ILS has the item on loan already; the offline loan was not replayed", cancellationToken).ConfigureAwait(false);
            return;
        }

        var patronIdentifier = transaction.PatronIdentifier
            ?? throw new InvalidOperationException($"Offline loan {transaction.Id} of item {transaction.ItemId} has no card number; the queue file was altered.");
        var patron = await ils.PatronInformationAsync(patronIdentifier, cancellationToken: cancellationToken).ConfigureAwait(false);
        var blocks = PatronBlocks.From(patron.PatronStatus);
        var blocked = patron.ValidPatron == false || blocks.Contains(PatronBlock.BorrowingDenied) || blocks.Contains(PatronBlock.CardReportedLost);
        var answerOut = await ils.CheckoutAsync(patronIdentifier, transaction.ItemId, offlineTransactionDate: transaction.At, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!answerOut.Ok)
        {
            await ConflictAsync(transaction, patron.ValidPatron == false ? OfflineConflictReason.NotFound : OfflineConflictReason.IlsRefused, string.Join(" ", answerOut.ScreenMessages), cancellationToken).ConfigureAwait(false);
        }
        else if (blocked)
        {
            await ConflictAsync(transaction, OfflineConflictReason.PatronBlocked, "replayed with no block; the patron is blocked in the ILS", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ReplayedAsync(transaction, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReplayedAsync(OfflineTransaction transaction, CancellationToken cancellationToken)
    {
        await store.MarkReplayedAsync(transaction.Id, cancellationToken).ConfigureAwait(false);
        Log.Replayed(logger, transaction.Id, transaction.Kind, transaction.ItemId);
        await events.PublishAsync(new OfflineTransactionReplayed(transaction.Id, transaction.Kind, transaction.ItemId, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    private async Task ConflictAsync(OfflineTransaction transaction, OfflineConflictReason reason, string note, CancellationToken cancellationToken)
    {
        await store.MarkConflictAsync(transaction.Id, reason, note, cancellationToken).ConfigureAwait(false);
        Log.Conflict(logger, transaction.Id, transaction.Kind, transaction.ItemId, reason);
        await events.PublishAsync(new OfflineTransactionConflict(transaction.Id, transaction.Kind, transaction.ItemId, reason, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }
}
