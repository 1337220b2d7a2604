
namespace KioskController.Api.Staff;

/// <summary>
/// The staff list's API, behind the staff screen at <c>/staff</c>. Loopback only, like the rest of the kiosk's web API.
/// <c>GET /api/staff</c> lists what needs staff — items whose security could not be settled, and off-line transactions
/// the ILS refused on replay — by item id and title only; it needs no code, as before. Marking an entry dealt with
/// needs the staff access code (<see cref="StaffOptions.AccessCode"/>) in the <c>X-Staff-Code</c> header.
/// </summary>
internal static class StaffEndpoints
{
    /// <summary>The request header that carries the staff access code.</summary>
    public const string CodeHeader = "X-Staff-Code";

    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/staff", async (Kiosk.Circulation.Staff.StaffDesk kiosk, ItemTitles titles, CancellationToken cancellationToken) =>
        {
            var list = await kiosk.StaffListAsync(cancellationToken).ConfigureAwait(false);
            var known = await titles.LookupAsync(
                list.SecurityItems.Select(entry => entry.ItemId).Concat(list.OfflineConflicts.Select(transaction => transaction.ItemId)),
                cancellationToken).ConfigureAwait(false);

            // Items only, by id and title: a conflict's card number stays in the kiosk's store for the desk's own lookup,
            // and its ILS note (which may name the patron) stays there too. Fields are only ever added to this shape.
            return Results.Ok(new
            {
                security = list.SecurityItems.Select(entry => new
                {
                    itemId = entry.ItemId,
                    operation = entry.Operation.ToString(),
                    step = entry.Step.ToString(),
                    note = entry.Note,
                    at = entry.UpdatedAt,
                    id = entry.Id,
                    title = known.GetValueOrDefault(entry.ItemId),
                }),
                offlineConflicts = list.OfflineConflicts.Select(transaction => new
                {
                    itemId = transaction.ItemId,
                    kind = transaction.Kind.ToString(),
                    reason = transaction.Conflict?.ToString(),
                    at = transaction.At,
                    id = transaction.Id,
                    title = known.GetValueOrDefault(transaction.ItemId),
                }),
            });
        });

        // The staff screen checks a typed code here before it shows the list.
        endpoints.MapPost("/api/staff/access", async (StaffAccessRequest request, StaffAccess access, CancellationToken cancellationToken) =>
            Refusal(access, await access.CheckAsync(request.Code, cancellationToken).ConfigureAwait(false)) ?? Results.NoContent())
            .RequireRateLimiting(Hosting.WebSurface.WebSurfaceExtensions.StaffCodePolicy);

        endpoints.MapPost("/api/staff/security/{id:long}/resolve", async (long id, HttpRequest request, StaffAccess access, Kiosk.Circulation.Staff.StaffDesk kiosk, CancellationToken cancellationToken) =>
            Refusal(access, await access.CheckAsync(request.Headers[CodeHeader], cancellationToken).ConfigureAwait(false)) ?? (await kiosk.ResolveSecurityEntryAsync(id, cancellationToken).ConfigureAwait(false)
                ? Results.NoContent()
                : NotListed(id)))
            .RequireRateLimiting(Hosting.WebSurface.WebSurfaceExtensions.StaffCodePolicy);

        endpoints.MapPost("/api/staff/offline/{id:long}/resolve", async (long id, HttpRequest request, StaffAccess access, Kiosk.Circulation.Staff.StaffDesk kiosk, CancellationToken cancellationToken) =>
            Refusal(access, await access.CheckAsync(request.Headers[CodeHeader], cancellationToken).ConfigureAwait(false)) ?? (await kiosk.ResolveOfflineConflictAsync(id, cancellationToken).ConfigureAwait(false)
                ? Results.NoContent()
                : NotListed(id)))
            .RequireRateLimiting(Hosting.WebSurface.WebSurfaceExtensions.StaffCodePolicy);
        return endpoints;
    }

    /// <summary>Null when access is granted; otherwise the answer, with a reason code the screen puts in words.</summary>
    private static IResult? Refusal(StaffAccess access, StaffAccessResult result) => result switch
    {
        StaffAccessResult.Granted => null,
        StaffAccessResult.LockedOut => Results.Json(
            new { reason = "lockedOut", message = "Too many wrong staff codes; wait, then try again.", retryAfter = access.LockedUntil },
            statusCode: StatusCodes.Status429TooManyRequests),
        _ => Results.Json(
            new { reason = "wrongCode", message = $"The staff access code is wrong or missing; send the code of Kiosk:Staff:AccessCode in the {CodeHeader} header." },
            statusCode: StatusCodes.Status403Forbidden),
    };

    private static IResult NotListed(long id) => Results.Json(
        new { reason = "notListed", message = $"Entry {id} is not on the staff list (already dealt with, or never listed)." },
        statusCode: StatusCodes.Status404NotFound);
}
