using Kiosk.Circulation.DomainEvents;
using Kiosk.Ils;
using Microsoft.Extensions.Logging;

namespace Kiosk.Circulation.Availability;

/// <summary>
/// What the ILS lets this kiosk do, as its newest ACS Status (98) says: "checkout ok", "checkin ok" and "ACS renewal
/// policy" (3M SIP2 Developers Guide v2.00, "ACS Status"). Read from the SIP2 client, which owns the newest status, at
/// every question; heartbeats (SC Status, 99) bring new ones, and a change is published so the screen redraws.
/// The last status holds while the ILS is unreachable: a loan it refused on-line is not lent off-line either. Before the
/// first status nothing is refused here, and the first request opens a connection that brings one.
/// </summary>
internal sealed partial class IlsPermissions : IDisposable
{
    private readonly ISip2Client _ils;
    private readonly CirculationEventHub _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _sync = new();
    private (bool Loans, bool Returns, bool Renewals) _published = (true, true, true);

    public IlsPermissions(ISip2Client ils, CirculationEventHub events, TimeProvider timeProvider, ILogger<IlsPermissions> logger)
    {
        _ils = ils;
        _events = events;
        _time = timeProvider;
        _logger = logger;
        _ils.AcsStatusChanged += OnAcsStatusChanged;
    }

    /// <summary>Whether the ACS lets the kiosk check items out.</summary>
    public bool LoansAllowed => _ils.AcsStatus?.Status.CheckoutOk ?? true;

    /// <summary>Whether the ACS lets the kiosk check items in.</summary>
    public bool ReturnsAllowed => _ils.AcsStatus?.Status.CheckinOk ?? true;

    /// <summary>Whether the ACS's renewal policy lets patrons renew at the kiosk.</summary>
    public bool RenewalsAllowed => _ils.AcsStatus?.Status.AcsRenewalPolicy ?? true;

    public void Dispose() => _ils.AcsStatusChanged -= OnAcsStatusChanged;

    private void OnAcsStatusChanged(object? sender, AcsStatusResponseSnapshot snapshot)
    {
        var now = (snapshot.Status.CheckoutOk, snapshot.Status.CheckinOk, snapshot.Status.AcsRenewalPolicy);
        lock (_sync)
        {
            if (now == _published)
            {
                return;
            }

            _published = now;
        }

        LogChanged(_logger, now.CheckoutOk, now.CheckinOk, now.AcsRenewalPolicy);
        var changed = new IlsPermissionsChanged(now.CheckoutOk, now.CheckinOk, now.AcsRenewalPolicy, _time.GetUtcNow());
        _ = _events.PublishAsync(changed).AsTask();
    }

    [LoggerMessage(20, LogLevel.Warning, "The ILS's ACS Status now allows this kiosk: checkout {Loans}, checkin {Returns}, renewal {Renewals}; the screen follows")]
    private static partial void LogChanged(ILogger logger, bool loans, bool returns, bool renewals);
}
