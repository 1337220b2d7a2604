namespace KioskController.Api.Status;

/// <summary>The ILS link as the status page shows it.</summary>
/// <param name="Status">online, offline or unknown.</param>
/// <param name="Host">The SIP2 host and port.</param>
/// <param name="Profile">The dialect profile.</param>
/// <param name="InstitutionId">The institution id the ACS gave.</param>
/// <param name="LibraryName">The library name the ACS gave.</param>
/// <param name="CheckoutAllowed">Whether the ACS lets this kiosk check out.</param>
/// <param name="CheckinAllowed">Whether the ACS lets this kiosk check in.</param>
/// <param name="RenewalAllowed">Whether the ACS lets this kiosk renew.</param>
/// <param name="LastStatusAt">When the ACS last answered SC Status.</param>
/// <param name="ReportedStatus">What the kiosk reports in SC Status: ok, printerOutOfPaper or shuttingDown.</param>
public sealed record IlsLinkStatus(
    string Status,
    string Host,
    string Profile,
    string? InstitutionId,
    string? LibraryName,
    bool? CheckoutAllowed,
    bool? CheckinAllowed,
    bool? RenewalAllowed,
    DateTimeOffset? LastStatusAt,
    string ReportedStatus)
{
    /// <summary>Why the link has its status, in words a technician can act on (for example which TLS setting to give).</summary>
    public string? Reason { get; init; }

    /// <summary>The SIP2 connection pool: its configured and effective size, and why it shrank.</summary>
    public IlsPoolStatus? Pool { get; init; }

    /// <summary>Whether the ACS says it supports Fee Paid (37) in its BX field; null before the first ACS Status.</summary>
    public bool? FeePaidSupported { get; init; }
}
