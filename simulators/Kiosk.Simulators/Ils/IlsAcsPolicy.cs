using Kiosk.Protocols.Sip2;

namespace Kiosk.Simulators.Ils;

/// <summary>
/// What the simulator's ACS Status (98) tells the SC it may do: the checkin ok, checkout ok and ACS renewal policy fixed
/// fields and the BX supported-messages field (spec, "ACS Status"). Switchable while the simulator runs; the next 98
/// carries the change. Like Evergreen's and Koha's SIP servers, the simulator reports these flags but does not enforce them.
/// </summary>
public sealed class IlsAcsPolicy
{
    private volatile bool _checkinOk = true;
    private volatile bool _checkoutOk = true;
    private volatile bool _renewalOk = true;
    private int _supportedMessages = (int)Sip2SupportedMessages.All;

    /// <summary>The "checkin ok" field: whether the SC may check items in.</summary>
    public bool CheckinOk { get => _checkinOk; set => _checkinOk = value; }

    /// <summary>The "checkout ok" field: whether the SC may check items out.</summary>
    public bool CheckoutOk { get => _checkoutOk; set => _checkoutOk = value; }

    /// <summary>The "ACS renewal policy" field: whether the SC may let patrons renew.</summary>
    public bool RenewalOk { get => _renewalOk; set => _renewalOk = value; }

    /// <summary>The BX field: which message pairs the ACS supports.</summary>
    public Sip2SupportedMessages SupportedMessages
    {
        get => (Sip2SupportedMessages)Volatile.Read(ref _supportedMessages);
        set => Volatile.Write(ref _supportedMessages, (int)value);
    }
}
