using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Availability;
using Kiosk.Ils;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Sip2;
using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.Security;

/// <summary>
/// Replays the journal at start: every item left mid-way is brought to a state that agrees with the ILS. The rule is
/// the safety invariant: security goes off only when the ILS says the item is on loan; when the ILS cannot be asked,
/// the item is secured. A return that was under way is finished (secured, then checked in or queued), never reversed.
/// </summary>
internal sealed class SecurityRecovery(
    ISecurityJournal journal,
    IOfflineTransactionStore offlineQueue,
    ISip2Client ils,
    SecuritySwitcher switcher,
    CirculationEventHub events,
    TimeProvider timeProvider,
    ILogger logger)
{
    /// <summary>Brings every unfinished entry to agreement; returns how many there were.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var unfinished = await journal.UnfinishedAsync(cancellationToken).ConfigureAwait(false);
        if (unfinished.Count > 0)
        {
            Log.RecoveryStarted(logger, unfinished.Count);
        }

        foreach (var entry in unfinished)
        {
            var tags = entry.TagUids.Select(uid => TransponderUid.TryParse(uid, out var parsed) ? parsed : (TransponderUid?)null)
                .OfType<TransponderUid>().ToList();
            var (secured, needsStaff) = entry switch
            {
                // Secure and IlsCheckin only occur in a return or in the undoing of a loan: finish it.
                { Step: SecurityStep.Secure or SecurityStep.IlsCheckin } or { Operation: SecurityOperation.Return } =>
                    await FinishReturnAsync(entry, tags, cancellationToken).ConfigureAwait(false),
                { Operation: SecurityOperation.OfflineCheckout } => await RecoverOfflineLoanAsync(entry, tags, cancellationToken).ConfigureAwait(false),
                _ => await RecoverLoanAsync(entry, tags, cancellationToken).ConfigureAwait(false),
            };
            Log.Recovered(logger, entry.ItemId, entry.Operation, entry.Step, secured, needsStaff);
            await events.PublishAsync(new SecurityRecovered(entry.ItemId, entry.Operation, secured, needsStaff, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }

        return unfinished.Count;
    }

    private async Task<(bool Secured, bool NeedsStaff)> RecoverLoanAsync(SecurityJournalEntry entry, List<TransponderUid> tags, CancellationToken cancellationToken)
    {
        bool onLoan;
        try
        {
            onLoan = IsOnLoan(await ils.ItemInformationAsync(entry.ItemId, cancellationToken).ConfigureAwait(false));
        }
        catch (Sip2Exception ex)
        {
            var secured = await switcher.SwitchAllAsync(entry.ItemId, tags, secured: true, _ => true, cancellationToken).ConfigureAwait(false);
            await journal.RecordAsync(entry.Id, SecurityStep.NeedsStaff, note: $"recovery could not ask the ILS ({ex.Message}); the item was secured", cancellationToken: cancellationToken).ConfigureAwait(false);
            return (secured.Verified, true);
        }

        var result = await switcher.SwitchAllAsync(entry.ItemId, tags, secured: !onLoan, _ => true, cancellationToken).ConfigureAwait(false);
        if (result.Verified)
        {
            await journal.RecordAsync(entry.Id, SecurityStep.Done, note: onLoan ? "recovered: the ILS holds it on loan, security off" : "recovered: the ILS does not hold it on loan, secured", cancellationToken: cancellationToken).ConfigureAwait(false);
            return (!onLoan, false);
        }

        await journal.RecordAsync(entry.Id, SecurityStep.NeedsStaff, note: onLoan
            ? "recovery: the ILS holds it on loan but a tag could not be switched off (not on the pad?)"
            : "recovery: the ILS does not hold it on loan but a tag could not be secured; find the book", cancellationToken: cancellationToken).ConfigureAwait(false);
        return (!onLoan, true);
    }

    private async Task<(bool Secured, bool NeedsStaff)> RecoverOfflineLoanAsync(SecurityJournalEntry entry, List<TransponderUid> tags, CancellationToken cancellationToken)
    {
        // The patron never saw the loan confirmed. If the book is still here, secure it and withdraw the queued loan;
        // if it is gone, keep the queued loan, so the ILS learns who took it.
        var secured = await switcher.SwitchAllAsync(entry.ItemId, tags, secured: true, _ => true, cancellationToken).ConfigureAwait(false);
        var queued = entry.OfflineTransactionId ?? await FindQueuedLoanAsync(entry, cancellationToken).ConfigureAwait(false);
        if (secured.Verified)
        {
            if (queued is { } id)
            {
                await offlineQueue.CancelAsync(id, cancellationToken).ConfigureAwait(false);
            }

            await journal.RecordAsync(entry.Id, SecurityStep.Done, note: "recovered: off-line loan withdrawn, item secured", cancellationToken: cancellationToken).ConfigureAwait(false);
            return (true, false);
        }

        await journal.RecordAsync(entry.Id, SecurityStep.NeedsStaff, note: "recovery: the book of an off-line loan is not on the pad; the loan stays queued", cancellationToken: cancellationToken).ConfigureAwait(false);
        return (false, true);
    }

    private async Task<(bool Secured, bool NeedsStaff)> FinishReturnAsync(SecurityJournalEntry entry, List<TransponderUid> tags, CancellationToken cancellationToken)
    {
        var secured = await switcher.SwitchAllAsync(entry.ItemId, tags, secured: true, _ => true, cancellationToken).ConfigureAwait(false);
        if (!secured.Verified)
        {
            // Not checked in: the ILS still holds it on loan, so whatever the tag says, the invariant holds.
            await journal.RecordAsync(entry.Id, SecurityStep.NeedsStaff, note: "recovery: a return's tag could not be secured; it was not checked in", cancellationToken: cancellationToken).ConfigureAwait(false);
            return (false, true);
        }

        if (entry.OfflineTransactionId is { } alreadyQueued && entry.Operation == SecurityOperation.OfflineCheckout)
        {
            await offlineQueue.CancelAsync(alreadyQueued, cancellationToken).ConfigureAwait(false);
            await journal.RecordAsync(entry.Id, SecurityStep.Done, note: "recovered: off-line loan withdrawn, item secured", cancellationToken: cancellationToken).ConfigureAwait(false);
            return (true, false);
        }

        try
        {
            if (IsOnLoan(await ils.ItemInformationAsync(entry.ItemId, cancellationToken).ConfigureAwait(false)))
            {
                await ils.CheckinAsync(entry.ItemId, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Sip2Exception)
        {
            var queued = await offlineQueue.EnqueueAsync(OfflineTransactionKind.Checkin, entry.ItemId, null, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await journal.RecordAsync(entry.Id, SecurityStep.Done, queued, "recovered: secured; the ILS could not be reached, the checkin is queued", cancellationToken).ConfigureAwait(false);
            return (true, false);
        }

        await journal.RecordAsync(entry.Id, SecurityStep.Done, note: "recovered: secured and checked in", cancellationToken: cancellationToken).ConfigureAwait(false);
        return (true, false);
    }

    private async Task<long?> FindQueuedLoanAsync(SecurityJournalEntry entry, CancellationToken cancellationToken)
    {
        // Crashed between queueing the loan and writing its id to the journal: the queued loan is the one for this item
        // taken at or after the entry began.
        var pending = await offlineQueue.PendingAsync(cancellationToken).ConfigureAwait(false);
        return pending.LastOrDefault(t => t.Kind == OfflineTransactionKind.Checkout && t.ItemId == entry.ItemId && t.At >= entry.StartedAt)?.Id;
    }

    /// <summary>Whether Item Information (18) says the item is out on loan (spec, "circulation status").</summary>
    internal static bool IsOnLoan(Kiosk.Protocols.Sip2.Messages.ItemInformationResponse info) =>
        info.CirculationStatus is Sip2CirculationStatus.Charged or Sip2CirculationStatus.ChargedNotToBeRecalled or Sip2CirculationStatus.Recalled;
}
