using Kiosk.Circulation.Sessions;

namespace KioskController.Circulation;

/// <summary>
/// <c>GET /api/staff</c>: what needs a member of staff — items whose security could not be settled, and off-line
/// transactions the ILS refused on replay. Loopback only, like the rest of the kiosk's web API.
/// </summary>
internal static class StaffEndpoints
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/staff", async (ICirculationKiosk kiosk, CancellationToken cancellationToken) =>
        {
            var list = await kiosk.StaffListAsync(cancellationToken).ConfigureAwait(false);

            // Items only, by id: a conflict's card number stays in the kiosk's store for the desk's own lookup.
            return Results.Ok(new
            {
                security = list.SecurityItems.Select(entry => new { itemId = entry.ItemId, operation = entry.Operation.ToString(), step = entry.Step.ToString(), note = entry.Note, at = entry.UpdatedAt }),
                offlineConflicts = list.OfflineConflicts.Select(transaction => new { itemId = transaction.ItemId, kind = transaction.Kind.ToString(), reason = transaction.Conflict?.ToString(), at = transaction.At }),
            });
        });
        return endpoints;
    }
}
