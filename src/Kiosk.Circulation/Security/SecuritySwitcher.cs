using Kiosk.Circulation.DomainEvents;
using Kiosk.Circulation.Availability;
using Kiosk.Devices.Rfid;
using Kiosk.Ils;
using Kiosk.Protocols.Readers;
using Kiosk.Protocols.Sip2.Messages;
using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.Security;

/// <summary>
/// The order of a loan and of a return, in one place (security off only while the ILS holds the item on loan): every step is
/// written to the journal before it is taken. A loan goes ILS first, then security off, then read-back; a return goes
/// security on first, then the ILS. Whenever a step fails, the item is left in the state that makes the gate alarm.
/// </summary>
internal sealed class SecuritySwitcher(
    ISecurityJournal journal,
    IOfflineTransactionStore offlineQueue,
    ISip2Client ils,
    IRfidReader reader,
    CirculationEventHub events,
    TimeProvider timeProvider,
    int switchRetries,
    ILogger logger)
{
    /// <summary>
    /// Test seam for crash tests: called after each step is written to the journal (taken = false) and after it is taken
    /// (taken = true). A test throws from here to stop the workflow as a power cut would.
    /// </summary>
    internal Func<SecurityStep, bool, ValueTask>? Checkpoint { get; set; }

    /// <summary>Lends an item on-line: journal, Checkout (11), then each tag's security off and verified.</summary>
    public async Task<CheckoutAttempt> CheckoutAsync(
        string patronIdentifier, string? pin, string itemId, IReadOnlyList<TransponderUid> tags, Func<TransponderUid, bool> onPad, CancellationToken cancellationToken)
    {
        var id = await journal.BeginAsync(SecurityOperation.Checkout, itemId, Uids(tags), SecurityStep.IlsCheckout, cancellationToken).ConfigureAwait(false);
        await PassAsync(SecurityStep.IlsCheckout, false).ConfigureAwait(false);
        CheckoutResponse response;
        try
        {
            response = await ils.CheckoutAsync(patronIdentifier, itemId, pin, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Sip2Exception ex)
        {
            // The client has already reconciled a drop through Item Information; what it cannot confirm it reports as not
            // made, so the book keeps its security (README, "Safety").
            Log.LoanNotConfirmed(logger, itemId, ex.Message);
            await journal.RecordAsync(id, SecurityStep.Done, note: "the ILS did not confirm the loan; security left on", cancellationToken: cancellationToken).ConfigureAwait(false);
            return new CheckoutAttempt(id, null, ex, null, false);
        }

        await PassAsync(SecurityStep.IlsCheckout, true).ConfigureAwait(false);
        if (!response.Ok)
        {
            await journal.RecordAsync(id, SecurityStep.Done, note: "the ILS refused the loan", cancellationToken: cancellationToken).ConfigureAwait(false);
            return new CheckoutAttempt(id, response, null, null, false);
        }

        var switched = await UnsecureAsync(id, itemId, tags, onPad, cancellationToken).ConfigureAwait(false);
        if (switched.Failed.Count > 0)
        {
            await UndoLoanAsync(id, itemId, tags, null, "a tag would not switch its security off", cancellationToken).ConfigureAwait(false);
            return new CheckoutAttempt(id, response, null, switched, true);
        }

        return new CheckoutAttempt(id, response, null, switched, false);
    }

    /// <summary>
    /// Lends an item while the ILS is unreachable, as site policy allows: the loan is queued durably first, then the
    /// security goes off without the ILS knowing. This is the one deliberate exception to the safety invariant.
    /// </summary>
    public async Task<CheckoutAttempt> OfflineCheckoutAsync(
        string patronIdentifier, string itemId, IReadOnlyList<TransponderUid> tags, Func<TransponderUid, bool> onPad, CancellationToken cancellationToken)
    {
        var id = await journal.BeginAsync(SecurityOperation.OfflineCheckout, itemId, Uids(tags), SecurityStep.OfflineQueue, cancellationToken).ConfigureAwait(false);
        await PassAsync(SecurityStep.OfflineQueue, false).ConfigureAwait(false);
        var queued = await offlineQueue.EnqueueAsync(OfflineTransactionKind.Checkout, itemId, patronIdentifier, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await PassAsync(SecurityStep.OfflineQueue, true).ConfigureAwait(false);
        var switched = await UnsecureAsync(id, itemId, tags, onPad, cancellationToken, queued).ConfigureAwait(false);
        if (switched.Failed.Count > 0)
        {
            await UndoLoanAsync(id, itemId, tags, queued, "a tag would not switch its security off", cancellationToken).ConfigureAwait(false);
            return new CheckoutAttempt(id, null, null, switched, true, queued);
        }

        return new CheckoutAttempt(id, null, null, switched, false, queued);
    }

    /// <summary>
    /// Switches the security off for the tags of a lent item (journal step Unsecure), and finishes the entry when every
    /// tag verified. Used again when a lifted book comes back to the pad.
    /// </summary>
    public async Task<TagSwitchResult> UnsecureAsync(
        long id, string itemId, IReadOnlyList<TransponderUid> tags, Func<TransponderUid, bool> onPad, CancellationToken cancellationToken, long? offlineTransactionId = null)
    {
        await journal.RecordAsync(id, SecurityStep.Unsecure, offlineTransactionId, cancellationToken: cancellationToken).ConfigureAwait(false);
        await PassAsync(SecurityStep.Unsecure, false).ConfigureAwait(false);
        var result = await SwitchAllAsync(itemId, tags, secured: false, onPad, cancellationToken).ConfigureAwait(false);
        await PassAsync(SecurityStep.Unsecure, true).ConfigureAwait(false);
        if (result.Verified)
        {
            await journal.RecordAsync(id, SecurityStep.Done, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Undoes a loan whose security never went off: security on for every tag, then Checkin (09), or withdrawal of the
    /// queued off-line loan. The entry ends NeedsStaff either way, for staff to look at the book. When a tag cannot be
    /// secured (the book is gone), the loan stands: the ILS holds it on loan, so whatever the tag says, the invariant
    /// holds, whereas undoing it could leave a tag whose write landed unseen switched off for a book the ILS thinks is in.
    /// Returns whether the loan was undone.
    /// </summary>
    public async Task<bool> UndoLoanAsync(long id, string itemId, IReadOnlyList<TransponderUid> tags, long? offlineTransactionId, string why, CancellationToken cancellationToken)
    {
        await journal.RecordAsync(id, SecurityStep.Secure, offlineTransactionId, note: why, cancellationToken: cancellationToken).ConfigureAwait(false);
        await PassAsync(SecurityStep.Secure, false).ConfigureAwait(false);
        var secured = await SwitchAllAsync(itemId, tags, secured: true, _ => true, cancellationToken).ConfigureAwait(false);
        await PassAsync(SecurityStep.Secure, true).ConfigureAwait(false);
        if (offlineTransactionId is { } queued)
        {
            if (secured.Verified)
            {
                await offlineQueue.CancelAsync(queued, cancellationToken).ConfigureAwait(false);
                await NeedsStaffAsync(id, itemId, why + "; loan withdrawn, item secured", null, cancellationToken).ConfigureAwait(false);
                return true;
            }

            // The book left with its security in doubt: keep the queued loan so the ILS learns who has it.
            await NeedsStaffAsync(id, itemId, why + "; the tag could not be secured, the off-line loan stays queued", null, cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (!secured.Verified)
        {
            // The ILS still holds it on loan, so whatever the tag says, the invariant holds; staff must look at the book.
            await NeedsStaffAsync(id, itemId, why + "; the tag could not be secured either, the loan stands", null, cancellationToken).ConfigureAwait(false);
            return false;
        }

        await journal.RecordAsync(id, SecurityStep.IlsCheckin, cancellationToken: cancellationToken).ConfigureAwait(false);
        await PassAsync(SecurityStep.IlsCheckin, false).ConfigureAwait(false);
        var note = why + "; loan undone";
        try
        {
            var answer = await ils.CheckinAsync(itemId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!answer.Ok)
            {
                note = why + "; the ILS refused to undo the loan, the item is secured";
            }
        }
        catch (Sip2Exception)
        {
            var checkin = await offlineQueue.EnqueueAsync(OfflineTransactionKind.Checkin, itemId, null, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await NeedsStaffAsync(id, itemId, why + "; the ILS could not be reached, the undoing checkin is queued", checkin, cancellationToken).ConfigureAwait(false);
            return true;
        }

        await PassAsync(SecurityStep.IlsCheckin, true).ConfigureAwait(false);
        await NeedsStaffAsync(id, itemId, note, null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Takes an item back: security on for every tag first, then Checkin (09), or a queued checkin when the ILS cannot be
    /// reached. A tag that will not secure stops the return before the ILS hears of it: the ILS still holds it on loan.
    /// </summary>
    public async Task<ReturnAttempt> ReturnAsync(string itemId, IReadOnlyList<TransponderUid> tags, Func<TransponderUid, bool> onPad, CancellationToken cancellationToken)
    {
        var id = await journal.BeginAsync(SecurityOperation.Return, itemId, Uids(tags), SecurityStep.Secure, cancellationToken).ConfigureAwait(false);
        await PassAsync(SecurityStep.Secure, false).ConfigureAwait(false);
        var secured = await SwitchAllAsync(itemId, tags, secured: true, onPad, cancellationToken).ConfigureAwait(false);
        await PassAsync(SecurityStep.Secure, true).ConfigureAwait(false);
        if (!secured.Verified)
        {
            const string notReturned = "not returned: a tag could not be secured or was lifted first";
            if (secured.Failed.Count > 0)
            {
                await NeedsStaffAsync(id, itemId, notReturned, null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await journal.RecordAsync(id, SecurityStep.Done, note: notReturned, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return new ReturnAttempt(secured, null, false);
        }

        await journal.RecordAsync(id, SecurityStep.IlsCheckin, cancellationToken: cancellationToken).ConfigureAwait(false);
        await PassAsync(SecurityStep.IlsCheckin, false).ConfigureAwait(false);
        if (ils.Status == Sip2LinkStatus.Offline)
        {
            return await QueueReturnAsync(id, itemId, cancellationToken).ConfigureAwait(false);
        }

        CheckinResponse response;
        try
        {
            response = await ils.CheckinAsync(itemId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Sip2Exception ex)
        {
            Log.ReturnQueued(logger, itemId, ex.Message);
            return await QueueReturnAsync(id, itemId, cancellationToken).ConfigureAwait(false);
        }

        await PassAsync(SecurityStep.IlsCheckin, true).ConfigureAwait(false);
        await journal.RecordAsync(id, SecurityStep.Done, note: response.Ok ? null : "the ILS refused the checkin; the item is secured", cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ReturnAttempt(secured, response, false);
    }

    /// <summary>Switches every tag, trying each again up to the configured retries; tags no longer on the pad are not tried.</summary>
    public async Task<TagSwitchResult> SwitchAllAsync(string itemId, IReadOnlyList<TransponderUid> tags, bool secured, Func<TransponderUid, bool> onPad, CancellationToken cancellationToken)
    {
        var lifted = new List<TransponderUid>();
        var failed = new List<KeyValuePair<TransponderUid, string>>();
        foreach (var tag in tags)
        {
            if (!onPad(tag))
            {
                lifted.Add(tag);
                continue;
            }

            RfidSecurityResult? result = null;
            for (var attempt = 0; attempt <= switchRetries; attempt++)
            {
                result = await reader.SetSecurityAsync(tag, secured, cancellationToken).ConfigureAwait(false);
                if (result.Verified || result.Secured is null || !onPad(tag))
                {
                    break;
                }
            }

            if (result is { Verified: true })
            {
                continue;
            }

            if (!onPad(tag) || result?.Secured is null)
            {
                // It left the field, or stopped answering, during the switch: a lifted book (the pad may not have
                // reported the departure yet), not a tag that answers but will not change.
                lifted.Add(tag);
                continue;
            }

            var failure = result?.Failure ?? "the reader did not answer";
            Log.SwitchFailed(logger, itemId, tag.ToString(), secured ? "secured" : "loaned", failure);
            failed.Add(new(tag, failure));
            await events.PublishAsync(new SecuritySwitchFailed(itemId, tag.ToString(), secured, failure, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }

        return lifted.Count == 0 && failed.Count == 0 ? TagSwitchResult.AllVerified : new TagSwitchResult(lifted, failed);
    }

    private async Task<ReturnAttempt> QueueReturnAsync(long id, string itemId, CancellationToken cancellationToken)
    {
        var queued = await offlineQueue.EnqueueAsync(OfflineTransactionKind.Checkin, itemId, null, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await journal.RecordAsync(id, SecurityStep.Done, queued, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ReturnAttempt(TagSwitchResult.AllVerified, null, true);
    }

    /// <summary>Finishes entry <paramref name="id"/> for staff, then says so: the event follows the write, so a screen that reloads the staff list on it finds the entry.</summary>
    private async Task NeedsStaffAsync(long id, string itemId, string note, long? offlineTransactionId, CancellationToken cancellationToken)
    {
        await journal.RecordAsync(id, SecurityStep.NeedsStaff, offlineTransactionId, note, cancellationToken).ConfigureAwait(false);
        await events.PublishAsync(new SecurityNeedsStaff(id, itemId, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    private ValueTask PassAsync(SecurityStep step, bool taken) => Checkpoint?.Invoke(step, taken) ?? ValueTask.CompletedTask;

    private static string[] Uids(IReadOnlyList<TransponderUid> tags) => [.. tags.Select(tag => tag.ToString())];
}
