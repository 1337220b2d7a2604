using Kiosk.Circulation.Sessions;
using Kiosk.Ils;

namespace KioskController.Circulation;

/// <summary>
/// The screen's API under <c>/api/session</c>. Answers carry codes (camel-case enum names) that the screen puts in
/// plain words from its resource files; no answer carries a patron's name or card number.
/// </summary>
internal static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/session");
        api.MapGet(string.Empty, (SessionCoordinator session) => Results.Ok(session.Kiosk.Snapshot));
        api.MapPost("/sign-in", (SignInRequest request, SessionCoordinator session, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(request.Card))
            {
                return Task.FromResult(Refused(RefusalReason.PatronNotFound));
            }

            var method = request.Method?.ToLowerInvariant() switch
            {
                "barcode" => SignInMethod.Barcode,
                "rfidcard" => SignInMethod.RfidCard,
                _ => SignInMethod.Typed,
            };
            return Guard(session, async () => Results.Ok(await session.SignInAsync(request.Card.Trim(), method, cancellationToken).ConfigureAwait(false)));
        });
        api.MapPost("/pin", (PinRequest request, SessionCoordinator session, CancellationToken cancellationToken) =>
            Guard(session, async () => Results.Ok(await session.Kiosk.SubmitPinAsync(request.Pin ?? string.Empty, cancellationToken).ConfigureAwait(false))));
        api.MapPost("/account", (SessionCoordinator session, CancellationToken cancellationToken) =>
            Guard(session, async () => Results.Ok(await session.Kiosk.GetAccountAsync(cancellationToken).ConfigureAwait(false))));
        api.MapPost("/scan-item", (ItemRequest request, SessionCoordinator session, CancellationToken cancellationToken) =>
            string.IsNullOrWhiteSpace(request.ItemId)
                ? Task.FromResult(Refused(RefusalReason.ItemNotFound))
                : Guard(session, async () => Results.Ok(await session.Kiosk.ScanItemAsync(request.ItemId.Trim(), cancellationToken).ConfigureAwait(false))));
        api.MapPost("/borrow", (TransactionRequest? request, SessionCoordinator session, CancellationToken cancellationToken) =>
            Transaction(session, async () => Results.Ok(await session.BorrowAsync(request?.Lang, cancellationToken).ConfigureAwait(false))));
        api.MapPost("/return", (TransactionRequest? request, SessionCoordinator session, CancellationToken cancellationToken) =>
            Transaction(session, async () => Results.Ok(await session.ReturnAsync(request?.Lang, cancellationToken).ConfigureAwait(false))));
        api.MapPost("/renew", (ItemRequest request, SessionCoordinator session, CancellationToken cancellationToken) =>
            string.IsNullOrWhiteSpace(request.ItemId)
                ? Task.FromResult(Refused(RefusalReason.ItemNotFound))
                : Transaction(session, async () => Results.Ok(await session.RenewAsync(request.ItemId.Trim(), null, cancellationToken).ConfigureAwait(false))));
        api.MapPost("/renew-all", (TransactionRequest? request, SessionCoordinator session, CancellationToken cancellationToken) =>
            Transaction(session, async () => Results.Ok(await session.RenewAllAsync(request?.Lang, cancellationToken).ConfigureAwait(false))));
        api.MapPost("/receipt", (SessionCoordinator session, CancellationToken cancellationToken) =>
            Guard(session, async () => Results.Ok(await session.PrintLastReceiptAsync(cancellationToken).ConfigureAwait(false))));
        api.MapPost("/keep-alive", (SessionCoordinator session) =>
        {
            session.Kiosk.KeepAlive();
            return Results.NoContent();
        });
        api.MapPost("/end", (SessionCoordinator session, CancellationToken cancellationToken) =>
            Guard(session, async () =>
            {
                await session.Kiosk.EndSessionAsync(cancellationToken).ConfigureAwait(false);
                return Results.NoContent();
            }));
        return endpoints;
    }

    /// <summary>The failures the kiosk reports by exception become a code the screen can say in plain words.</summary>
    private static async Task<IResult> Transaction(SessionCoordinator session, Func<Task<IResult>> action) =>
        session.Maintenance
            ? Results.Json(new { reason = "maintenance" }, statusCode: StatusCodes.Status503ServiceUnavailable)
            : session.OutOfOrder
                ? Results.Json(new { reason = "outOfOrder" }, statusCode: StatusCodes.Status503ServiceUnavailable)
                : await Guard(session, action).ConfigureAwait(false);

    private static async Task<IResult> Guard(SessionCoordinator session, Func<Task<IResult>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The kiosk says "not now" this way both when nobody is signed in and when the ILS cannot be reached.
            return session.Kiosk.Snapshot.IlsReachable
                ? Refused(RefusalReason.NoSession)
                : Refused(RefusalReason.IlsUnreachable, StatusCodes.Status503ServiceUnavailable);
        }
        catch (Sip2Exception)
        {
            return Refused(RefusalReason.IlsUnreachable, StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static IResult Refused(RefusalReason reason, int status = StatusCodes.Status409Conflict) =>
        Results.Json(new { reason = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(reason.ToString()) }, statusCode: status);
}
