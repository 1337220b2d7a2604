using Kiosk.Protocols.Sip2;
using Kiosk.Protocols.Sip2.Messages;
using Microsoft.Extensions.Logging;

namespace Kiosk.Ils;

/// <summary>
/// Finds out what happened to a checkout or checkin that failed after it was sent, by asking the ILS (Item Information,
/// then Patron Information), so it is never sent again blindly: a second checkout of a loaned book would be a renewal.
/// </summary>
internal sealed class Sip2Reconciler(
    Sip2RequestSender sender, Sip2RequestBuilder requests, Sip2ClientOptions options, ILogger logger, TimeProvider time)
{
    /// <summary>The checkout's outcome as the ILS's state shows it; a loan that cannot be confirmed is refused.</summary>
    public Task<CheckoutResponse> CheckoutAsync(CheckoutRequest request, Sip2Exception failure, CancellationToken cancellationToken) =>
        ReconcileAsync(request, failure, () => ReconcileCheckoutAsync(request, failure, cancellationToken), cancellationToken);

    /// <summary>The checkin's outcome as the ILS's state shows it; a state that does not show the return is an error for staff.</summary>
    public Task<CheckinResponse> CheckinAsync(CheckinRequest request, Sip2Exception failure, CancellationToken cancellationToken) =>
        ReconcileAsync(request, failure, () => ReconcileCheckinAsync(request, failure, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs a reconciliation after a request that may have been applied. After a timeout it first waits one more request
    /// timeout, because the ILS may still be working on the original. If reconciliation itself fails, the caller learns
    /// that the original may have been applied, never less.
    /// </summary>
    private async Task<T> ReconcileAsync<T>(
        Sip2Message request, Sip2Exception failure, Func<Task<T>> reconcile, CancellationToken cancellationToken)
    {
        try
        {
            if (failure.Kind == Sip2FailureKind.Timeout)
            {
                await Task.Delay(options.RequestTimeout, time, cancellationToken).ConfigureAwait(false);
            }

            return await reconcile().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Sip2Exception { RequestMayHaveBeenApplied: false } or OperationCanceledException)
        {
            var kind = ex is Sip2Exception sip2 ? sip2.Kind : Sip2FailureKind.Cancelled;
            throw new Sip2Exception(
                kind,
                $"{request.Name} may have been carried out: {failure.Message} Asking the ILS what happened failed too: {ex.Message}",
                ex,
                requestMayHaveBeenApplied: true);
        }
    }

    private async Task<CheckoutResponse> ReconcileCheckoutAsync(
        CheckoutRequest request, Sip2Exception failure, CancellationToken cancellationToken)
    {
        var item = request.ItemIdentifier;
        var info = await ItemInformationAsync(item, cancellationToken).ConfigureAwait(false);
        if (info.CirculationStatus is not (Sip2CirculationStatus.Charged or Sip2CirculationStatus.ChargedNotToBeRecalled))
        {
            // The loan did not happen, so sending it now is not a blind resend: the ILS's state says so. A replayed
            // off-line loan keeps its own date.
            Log.Reconciled(logger, request.Name, item, info.CirculationStatus.ToString(), "the loan did not happen; sending it once more");
            var again = await sender.SendOnceAsync<CheckoutResponse>(
                request.NoBlock ? request : request with { TransactionDate = requests.Now }, cancellationToken).ConfigureAwait(false);

            // "Renewal ok" on a refusal means the patron already has the item: the first checkout did happen after all.
            if (again.Ok || !again.RenewalOk)
            {
                return again;
            }
        }

        var patron = await sender.SendTypedAsync<PatronInformationResponse>(
            requests.PatronInformation(request.PatronIdentifier, request.PatronPassword, Sip2SummaryRequest.ChargedItems, 1, 9999),
            cancellationToken).ConfigureAwait(false);
        var ours = patron.ChargedItems.Any(charged => string.Equals(charged, item, StringComparison.Ordinal));
        Log.Reconciled(
            logger, request.Name, item, info.CirculationStatus.ToString(),
            ours ? "the loan happened; not sending it again" : "charged, but not to this patron as far as the ILS lists; refusing");

        // Desensitize only when the ILS confirms the loan to this patron: the safe failure keeps the book secured.
        return new CheckoutResponse
        {
            Ok = ours,
            RenewalOk = false,
            MagneticMedia = Sip2Indicator.Unknown,
            Desensitize = ours ? Sip2Indicator.Yes : Sip2Indicator.No,
            TransactionDate = requests.Now,
            InstitutionId = request.InstitutionId,
            PatronIdentifier = request.PatronIdentifier,
            ItemIdentifier = item,
            TitleIdentifier = info.TitleIdentifier,
            DueDate = info.DueDate ?? string.Empty,
            ScreenMessages = ours
                ? []
                : [$"The loan could not be confirmed after the connection failed ({failure.Kind}); please ask staff."],
        };
    }

    private async Task<CheckinResponse> ReconcileCheckinAsync(
        CheckinRequest request, Sip2Exception failure, CancellationToken cancellationToken)
    {
        var item = request.ItemIdentifier;
        var info = await ItemInformationAsync(item, cancellationToken).ConfigureAwait(false);
        var status = info.CirculationStatus.ToString();
        switch (info.CirculationStatus)
        {
            case Sip2CirculationStatus.Charged or Sip2CirculationStatus.ChargedNotToBeRecalled:
                Log.Reconciled(logger, request.Name, item, status, "still on loan; sending the return once more");
                return await sender.SendOnceAsync<CheckinResponse>(
                    request.NoBlock ? request : request with { TransactionDate = requests.Now }, cancellationToken).ConfigureAwait(false);

            case Sip2CirculationStatus.Available or Sip2CirculationStatus.InTransit or Sip2CirculationStatus.WaitingOnHoldShelf
                or Sip2CirculationStatus.WaitingToBeReshelved:
                Log.Reconciled(logger, request.Name, item, status, $"the return happened ({failure.Kind}); not sending it again");
                return new CheckinResponse
                {
                    Ok = true,
                    Resensitize = true,
                    MagneticMedia = Sip2Indicator.Unknown,
                    Alert = info.CirculationStatus is Sip2CirculationStatus.WaitingOnHoldShelf or Sip2CirculationStatus.InTransit,
                    TransactionDate = requests.Now,
                    InstitutionId = request.InstitutionId,
                    ItemIdentifier = item,
                    PermanentLocation = info.PermanentLocation ?? string.Empty,
                    TitleIdentifier = info.TitleIdentifier,
                };

            default:
                // Lost, missing, claimed returned, unknown: the ILS's state does not show the return. Say so; never guess.
                Log.Reconciled(logger, request.Name, item, status, "the ILS's state does not show the return; reporting it for staff");
                throw new Sip2Exception(
                    failure.Kind,
                    $"The return of item {item} could not be confirmed after the connection failed: the ILS says '{info.CirculationStatus}'. " +
                    "Please ask staff.",
                    failure,
                    requestMayHaveBeenApplied: true);
        }
    }

    private Task<ItemInformationResponse> ItemInformationAsync(string itemIdentifier, CancellationToken cancellationToken) =>
        sender.SendTypedAsync<ItemInformationResponse>(requests.ItemInformation(itemIdentifier), cancellationToken);
}
