using Kiosk.Protocols.Sip2;

namespace Kiosk.Simulators.Ils;

/// <summary>A patron's state at one moment, for Patron Status, Patron Information and the seed summary.</summary>
/// <param name="Patron">The patron, or null when the identifier is unknown.</param>
/// <param name="PinValid">Whether the PIN matched; null when none was sent.</param>
/// <param name="Status">The 14 SIP2 patron status conditions, stored and computed.</param>
/// <param name="OutstandingFines">Charged fines plus those accruing on overdue loans, in VND.</param>
/// <param name="Loans">Items on loan to the patron.</param>
/// <param name="Overdue">Items on loan past their due date.</param>
/// <param name="AvailableHolds">Held items waiting on the hold shelf for this patron.</param>
/// <param name="UnavailableHolds">Held items not yet available to this patron.</param>
internal sealed record PatronStanding(
    IlsPatron? Patron,
    bool? PinValid,
    Sip2PatronStatus Status,
    long OutstandingFines,
    IReadOnlyList<IlsItem> Loans,
    IReadOnlyList<IlsItem> Overdue,
    IReadOnlyList<IlsItem> AvailableHolds,
    IReadOnlyList<IlsItem> UnavailableHolds)
{
    /// <summary>Whether the patron exists and, when a PIN was sent, it matched.</summary>
    public bool Authenticated => Patron is not null && PinValid != false;
}
