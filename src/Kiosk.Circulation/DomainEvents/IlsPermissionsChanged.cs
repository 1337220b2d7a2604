namespace Kiosk.Circulation.DomainEvents;

/// <summary>The ILS's ACS Status (98) changed what this kiosk may do; the screen shows what is on and what is off.</summary>
/// <param name="LoansAllowed">Whether the ACS lets the kiosk check items out ("checkout ok").</param>
/// <param name="ReturnsAllowed">Whether the ACS lets the kiosk check items in ("checkin ok").</param>
/// <param name="RenewalsAllowed">Whether the ACS's renewal policy lets patrons renew here ("ACS renewal policy").</param>
/// <param name="At">When.</param>
public sealed record IlsPermissionsChanged(bool LoansAllowed, bool ReturnsAllowed, bool RenewalsAllowed, DateTimeOffset At)
    : CirculationEvent(At);
