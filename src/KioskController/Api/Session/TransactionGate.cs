using Kiosk.Events.Outbox;

namespace KioskController.Api.Session;

/// <summary>
/// Whether loans, returns and renewals may happen now: not while a technician has the kiosk in maintenance, and not
/// while the outbox is full, since a transaction whose record could not be kept must not happen.
/// </summary>
internal sealed class TransactionGate(MaintenanceMode maintenance, IEventOutbox? outbox = null)
{
    /// <summary>Null when open; otherwise the 503 answer with the reason the screen shows.</summary>
    public IResult? Closed() =>
        maintenance.On ? Results.Json(new { reason = "maintenance" }, statusCode: StatusCodes.Status503ServiceUnavailable)
        : outbox?.Status.State == OutboxState.Full ? Results.Json(new { reason = "outOfOrder" }, statusCode: StatusCodes.Status503ServiceUnavailable)
        : null;
}
