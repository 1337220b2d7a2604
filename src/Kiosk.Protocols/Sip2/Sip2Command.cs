namespace Kiosk.Protocols.Sip2;

/// <summary>The two-digit message identifiers of SIP2 2.00 (spec, "Message identifiers").</summary>
public static class Sip2Command
{
    public const string BlockPatron = "01";
    public const string Checkin = "09";
    public const string CheckinResponse = "10";
    public const string Checkout = "11";
    public const string CheckoutResponse = "12";
    public const string Hold = "15";
    public const string HoldResponse = "16";
    public const string ItemInformation = "17";
    public const string ItemInformationResponse = "18";
    public const string ItemStatusUpdate = "19";
    public const string ItemStatusUpdateResponse = "20";
    public const string PatronStatus = "23";
    public const string PatronStatusResponse = "24";
    public const string PatronEnable = "25";
    public const string PatronEnableResponse = "26";
    public const string Renew = "29";
    public const string RenewResponse = "30";
    public const string EndPatronSession = "35";
    public const string EndSessionResponse = "36";
    public const string FeePaid = "37";
    public const string FeePaidResponse = "38";
    public const string PatronInformation = "63";
    public const string PatronInformationResponse = "64";
    public const string RenewAll = "65";
    public const string RenewAllResponse = "66";
    public const string Login = "93";
    public const string LoginResponse = "94";
    public const string RequestScResend = "96";
    public const string RequestAcsResend = "97";
    public const string AcsStatus = "98";
    public const string ScStatus = "99";

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [BlockPatron] = "Block Patron",
        [Checkin] = "Checkin",
        [CheckinResponse] = "Checkin Response",
        [Checkout] = "Checkout",
        [CheckoutResponse] = "Checkout Response",
        [Hold] = "Hold",
        [HoldResponse] = "Hold Response",
        [ItemInformation] = "Item Information",
        [ItemInformationResponse] = "Item Information Response",
        [ItemStatusUpdate] = "Item Status Update",
        [ItemStatusUpdateResponse] = "Item Status Update Response",
        [PatronStatus] = "Patron Status Request",
        [PatronStatusResponse] = "Patron Status Response",
        [PatronEnable] = "Patron Enable",
        [PatronEnableResponse] = "Patron Enable Response",
        [Renew] = "Renew",
        [RenewResponse] = "Renew Response",
        [EndPatronSession] = "End Patron Session",
        [EndSessionResponse] = "End Session Response",
        [FeePaid] = "Fee Paid",
        [FeePaidResponse] = "Fee Paid Response",
        [PatronInformation] = "Patron Information",
        [PatronInformationResponse] = "Patron Information Response",
        [RenewAll] = "Renew All",
        [RenewAllResponse] = "Renew All Response",
        [Login] = "Login",
        [LoginResponse] = "Login Response",
        [RequestScResend] = "Request SC Resend",
        [RequestAcsResend] = "Request ACS Resend",
        [AcsStatus] = "ACS Status",
        [ScStatus] = "SC Status",
    };

    /// <summary>The message's name in the specification, or null for a command SIP2 2.00 does not define.</summary>
    public static string? NameOf(string command) => Names.GetValueOrDefault(command);

    /// <summary>Whether the SC sends this message to the ACS (as opposed to a response from the ACS).</summary>
    public static bool IsRequest(string command) => command is BlockPatron or Checkin or Checkout or Hold or ItemInformation
        or ItemStatusUpdate or PatronStatus or PatronEnable or Renew or EndPatronSession or FeePaid or PatronInformation
        or RenewAll or Login or RequestAcsResend or ScStatus;
}
