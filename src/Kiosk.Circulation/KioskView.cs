using Kiosk.Circulation.Availability;
using Kiosk.Circulation.Pad;
using Kiosk.Circulation.Sessions;
using Kiosk.Circulation.Transactions;
using Microsoft.Extensions.Options;

namespace Kiosk.Circulation;

/// <summary>
/// Everything the screen shows now, read from each fact's one owner: the session, the pad, the ILS's availability and
/// the running transaction. It owns nothing itself.
/// </summary>
internal sealed class KioskView(
    PatronSessions sessions,
    PadModel pad,
    IlsAvailability availability,
    IlsPermissions permissions,
    TransactionProgress progress,
    IOptions<CirculationOptions> options)
{
    public KioskSnapshot Snapshot
    {
        get
        {
            var session = sessions.View;
            return new KioskSnapshot(
                session.State,
                session.SessionId,
                availability.IsReachable,
                options.Value.OfflineLoansAllowed,
                session.IdleWarningEndsAt,
                session.Blocks,
                pad.Items(session.SessionId))
            {
                Patron = session.Patron,
                Pending = session.Pending,
                Transaction = progress.Current,
                LoansAllowed = permissions.LoansAllowed,
                ReturnsAllowed = permissions.ReturnsAllowed,
                RenewalsAllowed = permissions.RenewalsAllowed,
            };
        }
    }
}
