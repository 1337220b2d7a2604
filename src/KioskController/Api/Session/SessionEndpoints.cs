namespace KioskController.Api.Session;

/// <summary>
/// The screen's API under <c>/api/session</c>, over the circulation's owners. Answers carry codes (camel-case enum
/// names) that the screen puts in plain words from its resource files; no answer carries a card number. Each "not now"
/// is a typed result mapped here to one status and code: 409 <c>noSession</c>, <c>busy</c> or <c>renewalsNotAllowed</c>,
/// 503 <c>ilsUnreachable</c>, <c>maintenance</c> or <c>outOfOrder</c>.
/// </summary>
internal static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/session");
        api.MapGet(string.Empty, (KioskView view) => Results.Ok(view.Snapshot));
        api.MapPost("/sign-in", async (SignInRequest request, PatronSessions sessions, ReceiptDesk receipts, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(request.Card))
            {
                return Refused(RefusalReason.PatronNotFound);
            }

            var method = request.Method?.ToLowerInvariant() switch
            {
                "barcode" => SignInMethod.Barcode,
                "rfidcard" => SignInMethod.RfidCard,
                _ => SignInMethod.Typed,
            };
            receipts.Forget();
            return Results.Ok(await sessions.SignInAsync(request.Card, method, cancellationToken).ConfigureAwait(false));
        });
        api.MapPost("/pin", async (PinRequest request, PatronSessions sessions, CancellationToken cancellationToken) =>
            Answer(await sessions.SubmitPinAsync(request.Pin ?? string.Empty, cancellationToken).ConfigureAwait(false)));
        api.MapPost("/account", async (PatronAccounts accounts, CancellationToken cancellationToken) =>
            Answer(await accounts.GetAccountAsync(cancellationToken).ConfigureAwait(false)));
        api.MapPost("/scan-item", async (ItemRequest request, PadModel pad, PatronSessions sessions, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(request.ItemId))
            {
                return Refused(RefusalReason.ItemNotFound);
            }

            var item = await pad.ScanInAsync(request.ItemId, sessions.Current?.Id, cancellationToken).ConfigureAwait(false);
            sessions.KeepAlive();
            return Results.Ok(item);
        });
        api.MapPost("/borrow", async (TransactionRequest? request, TransactionGate gate, Lending lending, ReceiptDesk receipts, CancellationToken cancellationToken) =>
            gate.Closed() ?? await FinishAsync(await lending.BorrowAsync(cancellationToken).ConfigureAwait(false), receipts, request?.Lang, cancellationToken).ConfigureAwait(false));
        api.MapPost("/return", async (TransactionRequest? request, TransactionGate gate, Returning returning, ReceiptDesk receipts, CancellationToken cancellationToken) =>
            gate.Closed() ?? await FinishAsync(await returning.ReturnAsync(cancellationToken).ConfigureAwait(false), receipts, request?.Lang, cancellationToken).ConfigureAwait(false));
        api.MapPost("/renew", async (ItemRequest request, TransactionGate gate, Renewing renewing, ReceiptDesk receipts, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(request.ItemId))
            {
                return Refused(RefusalReason.ItemNotFound);
            }

            if (gate.Closed() is { } closed)
            {
                return closed;
            }

            var renewed = await renewing.RenewAsync(request.ItemId.Trim(), cancellationToken).ConfigureAwait(false);
            var one = renewed.IsOk ? CirculationResult.Ok<IReadOnlyList<ItemOutcome>>([renewed.Value!]) : CirculationResult.Not<IReadOnlyList<ItemOutcome>>(renewed.Code);
            return await FinishAsync(one, receipts, null, cancellationToken).ConfigureAwait(false);
        });
        api.MapPost("/renew-all", async (TransactionRequest? request, TransactionGate gate, Renewing renewing, ReceiptDesk receipts, CancellationToken cancellationToken) =>
            gate.Closed() ?? await FinishAsync(await renewing.RenewAllAsync(cancellationToken).ConfigureAwait(false), receipts, request?.Lang, cancellationToken).ConfigureAwait(false));
        api.MapPost("/receipt", async (ReceiptDesk receipts, CancellationToken cancellationToken) =>
            Results.Ok(await receipts.PrintLastAsync(cancellationToken).ConfigureAwait(false)));
        api.MapPost("/keep-alive", (PatronSessions sessions, KioskView view, LiveUpdates live) =>
        {
            // Touching the screen takes an idle warning away: every screen hears the session as it now stands.
            sessions.KeepAlive();
            live.Publish("session", view.Snapshot);
            return Results.NoContent();
        });
        api.MapPost("/end", async (PatronSessions sessions, ReceiptDesk receipts, CancellationToken cancellationToken) =>
        {
            var ended = await sessions.EndSessionAsync(cancellationToken).ConfigureAwait(false);
            receipts.Forget();

            // The books left on the pad that the session did not borrow, so the screen can ask the patron to leave them.
            return Results.Ok(new { leftOnPad = ended.LeftOnPad.Select(item => new { itemId = item.ItemId, title = item.Title }) });
        });
        return endpoints;
    }

    private static async Task<IResult> FinishAsync(
        CirculationResult<IReadOnlyList<ItemOutcome>> result, ReceiptDesk receipts, string? language, CancellationToken cancellationToken) =>
        result.IsOk
            ? Results.Ok(new TransactionResult(result.Value!, await receipts.FinishAsync(result.Value!, language, cancellationToken).ConfigureAwait(false)))
            : NotNow(result.Code);

    private static IResult Answer<T>(CirculationResult<T> result) => result.IsOk ? Results.Ok(result.Value) : NotNow(result.Code);

    /// <summary>Each reason a request could not be carried out now, as the one answer the screen knows it by.</summary>
    private static IResult NotNow(CirculationResultCode code) => code switch
    {
        CirculationResultCode.IlsUnreachable => Refused(RefusalReason.IlsUnreachable, StatusCodes.Status503ServiceUnavailable),
        CirculationResultCode.Busy => Refused(RefusalReason.Busy),
        CirculationResultCode.RenewalsNotAllowed => Refused(RefusalReason.RenewalsNotAllowed),
        _ => Refused(RefusalReason.NoSession),
    };

    private static IResult Refused(RefusalReason reason, int status = StatusCodes.Status409Conflict) =>
        Results.Json(new { reason = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(reason.ToString()) }, statusCode: status);
}
