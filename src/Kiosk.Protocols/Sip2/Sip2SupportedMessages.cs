namespace Kiosk.Protocols.Sip2;

/// <summary>
/// The BX supported-messages field of ACS Status (spec, "supported messages"): Y in position <c>n</c> means the ACS
/// supports that message pair. Bit <c>n</c> is position <c>n</c>.
/// </summary>
[Flags]
public enum Sip2SupportedMessages
{
    None = 0,
    PatronStatus = 1 << 0,
    Checkout = 1 << 1,
    Checkin = 1 << 2,
    BlockPatron = 1 << 3,
    Status = 1 << 4,
    Resend = 1 << 5,
    Login = 1 << 6,
    PatronInformation = 1 << 7,
    EndPatronSession = 1 << 8,
    FeePaid = 1 << 9,
    ItemInformation = 1 << 10,
    ItemStatusUpdate = 1 << 11,
    PatronEnable = 1 << 12,
    Hold = 1 << 13,
    Renew = 1 << 14,
    RenewAll = 1 << 15,

    /// <summary>Every message pair of SIP2 2.00.</summary>
    All = (1 << 16) - 1,
}
